package io.github.camelmessenger;

import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;

/**
 * Customizes the Apache HttpClient 5 async client builder of the component (interceptors, connection reuse, metrics,
 * a user agent) after the options have been applied. Bind one as the {@code httpClientConfigurer} option.
 */
@FunctionalInterface
public interface MessengerHttpClientConfigurer {

    void configureHttpClient(HttpAsyncClientBuilder builder);
}

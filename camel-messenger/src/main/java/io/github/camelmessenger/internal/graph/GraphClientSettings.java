package io.github.camelmessenger.internal.graph;

import javax.net.ssl.SSLContext;

import org.apache.camel.component.http.HttpClientConfigurer;

/**
 * How to reach the Graph API. {@code toString()} leaves out the proxy password.
 *
 * @param sslContext           null for the JVM default
 * @param httpClientConfigurer null, or camel-http's hook to customize the HttpClient 5 builder
 */
public record GraphClientSettings(
        String baseUrl,
        String apiVersion,
        long connectTimeoutMillis,
        long responseTimeoutMillis,
        int maxConnections,
        String proxyHost,
        Integer proxyPort,
        String proxyAuthUsername,
        String proxyAuthPassword,
        SSLContext sslContext,
        HttpClientConfigurer httpClientConfigurer) {

    @Override
    public String toString() {
        return "GraphClientSettings[baseUrl=" + baseUrl + ", apiVersion=" + apiVersion
                + ", connectTimeoutMillis=" + connectTimeoutMillis + ", responseTimeoutMillis=" + responseTimeoutMillis
                + ", maxConnections=" + maxConnections + ", proxyHost=" + proxyHost + ", proxyPort=" + proxyPort + "]";
    }
}

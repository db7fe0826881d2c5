package io.github.camelmessenger;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLContext;

import io.github.camelmessenger.internal.graph.HttpTransport;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.URISupport;

/**
 * The {@code messenger} component: the Messenger Platform (and Instagram messaging) for Camel routes. It owns the
 * resources its endpoints share: one HTTP connection pool for every endpoint and Page with the same connection
 * settings, the timer that ends calls past their deadline, and the threads that stream file uploads.
 */
@Component("messenger")
public class MessengerComponent extends HealthCheckComponent implements SSLContextParametersAware {

    static {
        // Camel masks these options wherever it prints a URI; accessToken and proxyAuthPassword are known already.
        // The hook exists since Camel 4.17: on 4.14 the options' secret metadata is what masks them.
        try {
            URISupport.class.getMethod("addSanitizeKeywords", String.class).invoke(null,
                    "appSecret,verifyToken,pageAccessTokens");
        } catch (ReflectiveOperationException olderCamel) {
            // nothing to add on this Camel version
        }
    }

    @Metadata(description = "The default configuration of every messenger endpoint.")
    private MessengerConfiguration configuration = new MessengerConfiguration();

    @Metadata(label = "security", defaultValue = "false",
            description = "Use the global SSL context parameters when an endpoint sets none.")
    private boolean useGlobalSslContextParameters;

    private final Map<TransportKey, HttpTransport> transports = new ConcurrentHashMap<>();
    private ScheduledExecutorService deadlines;
    private ExecutorService uploads;

    public MessengerComponent() {
    }

    public MessengerComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MessengerOperation operation = MessengerOperation.of(remaining);
        MessengerConfiguration endpointConfiguration = configuration.copy();
        MessengerEndpoint endpoint = new MessengerEndpoint(uri, this, operation, endpointConfiguration);
        setProperties(endpoint, parameters);
        if (endpointConfiguration.getSslContextParameters() == null) {
            endpointConfiguration.setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        CredentialLoggers.warnIfEnabled();
    }

    /**
     * Closes the connection pools (a call still in flight fails with an IOException: none hangs), then the timer and the
     * upload threads. Camel stops a component after its routes, once their exchanges in flight completed.
     */
    @Override
    protected synchronized void doStop() throws Exception {
        transports.values().forEach(HttpTransport::close);
        transports.clear();
        if (deadlines != null) {
            getCamelContext().getExecutorServiceManager().shutdown(deadlines);
            deadlines = null;
        }
        if (uploads != null) {
            getCamelContext().getExecutorServiceManager().shutdown(uploads);
            uploads = null;
        }
        super.doStop();
    }

    /**
     * What makes two endpoints share a connection pool: the same connection options, and the same TLS settings and
     * configurer beans (compared as beans).
     */
    private record TransportKey(long connectTimeoutMillis, int maxConnections, String proxyHost, Integer proxyPort,
            String proxyAuthUsername, String proxyAuthPassword, SSLContextParameters sslContextParameters,
            MessengerHttpClientConfigurer configurer) {

        @Override
        public String toString() {
            return "TransportKey[maxConnections=" + maxConnections + ", proxyHost=" + proxyHost + "]";
        }
    }

    /**
     * The shared HTTP transport for an endpoint's connection options: every endpoint and every Page with the same ones
     * (most often all of them) uses one pool of at most maxConnections connections.
     */
    synchronized HttpTransport transport(MessengerConfiguration endpoint) {
        TransportKey key = new TransportKey(endpoint.getConnectTimeout(), endpoint.getMaxConnections(), endpoint.getProxyHost(),
                endpoint.getProxyPort(), endpoint.getProxyAuthUsername(), endpoint.getProxyAuthPassword(),
                endpoint.getSslContextParameters(), endpoint.getHttpClientConfigurer());
        HttpTransport transport = transports.get(key);
        if (transport == null) {
            transport = new HttpTransport(settings(key), deadlines(), uploads());
            transports.put(key, transport);
        }
        return transport;
    }

    private HttpTransport.Settings settings(TransportKey key) {
        try {
            SSLContext sslContext = key.sslContextParameters() == null
                    ? null
                    : key.sslContextParameters().createSSLContext(getCamelContext());
            MessengerHttpClientConfigurer configurer = key.configurer();
            return new HttpTransport.Settings(key.connectTimeoutMillis(), key.maxConnections(), key.proxyHost(),
                    key.proxyPort(),
                    key.proxyAuthUsername(), key.proxyAuthPassword(), sslContext,
                    configurer == null ? null : configurer::configureHttpClient);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("The sslContextParameters could not make an SSL context: " + e.getMessage(), e);
        }
    }

    /** How many connection pools the component holds (one, unless endpoints set connection options of their own). */
    public int connectionPools() {
        return transports.size();
    }

    /** The one timer thread of the component, which ends calls that pass their responseTimeout. */
    private synchronized ScheduledExecutorService deadlines() {
        if (deadlines == null) {
            // one timer for every call in flight, however many: Camel's default profile would queue at most 1,000
            ThreadPoolProfile timer = new ThreadPoolProfileBuilder("MessengerDeadlines").poolSize(1).maxPoolSize(1)
                    .maxQueueSize(-1).build();
            deadlines = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this, "MessengerDeadlines",
                    timer);
        }
        return deadlines;
    }

    /** The threads that stream file uploads into their requests: one per upload in flight, reused. */
    private synchronized ExecutorService uploads() {
        if (uploads == null) {
            uploads = getCamelContext().getExecutorServiceManager().newCachedThreadPool(this, "MessengerUploads");
        }
        return uploads;
    }

    public MessengerConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MessengerConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}

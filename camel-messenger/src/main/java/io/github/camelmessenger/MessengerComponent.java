package io.github.camelmessenger;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.URISupport;

/** The {@code messenger} component: the Messenger Platform (and Instagram messaging) Send API for Camel routes. */
@Component("messenger")
public class MessengerComponent extends HealthCheckComponent implements SSLContextParametersAware {

    static {
        // Camel masks these options wherever it prints a URI; accessToken and proxyAuthPassword are known already.
        // The hook exists since Camel 4.17: on 4.14 the options' secret metadata is what masks them.
        try {
            URISupport.class.getMethod("addSanitizeKeywords", String.class).invoke(null, "appSecret,verifyToken");
        } catch (ReflectiveOperationException olderCamel) {
            // nothing to add on this Camel version
        }
    }

    @Metadata(description = "The default configuration of every messenger endpoint.")
    private MessengerConfiguration configuration = new MessengerConfiguration();

    @Metadata(label = "security", defaultValue = "false", description = "Use the global SSL context parameters when an endpoint sets none.")
    private boolean useGlobalSslContextParameters;

    private ScheduledExecutorService deadlines;

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

    @Override
    protected synchronized void doStop() throws Exception {
        if (deadlines != null) {
            getCamelContext().getExecutorServiceManager().shutdown(deadlines);
            deadlines = null;
        }
        super.doStop();
    }

    /** The one timer thread of the component, which ends calls that pass their responseTimeout. */
    synchronized ScheduledExecutorService deadlines() {
        if (deadlines == null) {
            deadlines = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                    "MessengerDeadlines");
        }
        return deadlines;
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

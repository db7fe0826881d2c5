package io.github.camelmessenger.springboot;

import java.time.Duration;
import java.util.Map;

import io.github.camelmessenger.MessengerConfiguration;
import io.github.camelmessenger.MessengerHttpClientConfigurer;
import io.github.camelmessenger.PageAccessTokenProvider;
import io.github.camelmessenger.model.MessagingType;
import io.github.camelmessenger.model.NotificationType;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The messenger component's options as Spring Boot properties, {@code camel.component.messenger.*}, one documented field
 * per option in the shape of Camel's own starters (the IDE metadata is generated from these fields). Durations take
 * Spring's forms ({@code 15s}, {@code 2m}); bean options take {@code #bean:name}. An unknown key fails the start.
 */
@ConfigurationProperties(prefix = "camel.component.messenger", ignoreUnknownFields = false)
public class MessengerComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * The default configuration of every messenger endpoint. The option is a
     * io.github.camelmessenger.MessengerConfiguration type, or a reference to a bean: #bean:name.
     */
    private MessengerConfiguration configuration;

    /**
     * The id of the Facebook Page (or Instagram professional account) that sends; it is the path segment of the Graph
     * call. The default me is the Page the access token belongs to.
     */
    private String pageId = "me";

    /**
     * The platform whose rules apply: messenger, or instagram (only the HUMAN_AGENT tag, text of at most 1000 UTF-8
     * bytes).
     */
    private String platform = "messenger";

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as a
     * message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and therefore
     * bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook into the 3rd
     * party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler = false;

    /**
     * Route message echoes (the Page's own sent messages) too; by default they are skipped.
     */
    private Boolean includeEchoes = false;

    /**
     * The largest webhook body accepted, in bytes; a larger one is answered 413.
     */
    private Long maxBodySize = 1048576L;

    /**
     * The HTTP path the webhook consumer serves on the platform-http engine.
     */
    private String webhookPath = "/messenger/webhook";

    /**
     * Reuse the attachment_id of a file or URL sent before: the first send uploads it as reusable, later sends of the
     * same URL or the same bytes (SHA-256) send the attachment_id instead, so a broadcast uploads once. InputStream
     * bodies are not cached.
     */
    private Boolean attachmentCache = false;

    /**
     * How long a cached attachment_id is reused; keep it under Meta's 90 days.
     */
    private Duration attachmentCacheTtl = Duration.ofHours(720);

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * The messaging_type of the messages sent: RESPONSE within the messaging window, UPDATE, MESSAGE_TAG with a tag
     * outside the window, or UTILITY.
     */
    private MessagingType messagingType = MessagingType.RESPONSE;

    /**
     * The notification_type of the messages sent: REGULAR, SILENT_PUSH or NO_PUSH. Not sent when unset, so Meta's
     * default REGULAR applies.
     */
    private NotificationType notificationType;

    /**
     * The persona_id the messages are sent as; with the personas operation, the persona to get or delete.
     */
    private String personaId;

    /**
     * The default recipient PSID (or IGSID); the CamelMessengerRecipientId header overrides it.
     */
    private String recipientId;

    /**
     * Split a text over the limit (2000 characters, 1000 UTF-8 bytes on Instagram) at sentence or word boundaries into
     * several messages sent in order, instead of rejecting it. Quick replies go with the last part;
     * CamelMessengerMessageIds lists every message_id.
     */
    private Boolean splitLongText = false;

    /**
     * The message tag for sends outside the messaging window; needs messagingType MESSAGE_TAG. Documented tags:
     * ACCOUNT_UPDATE, CONFIRMED_EVENT_UPDATE, CUSTOMER_FEEDBACK, HUMAN_AGENT, POST_PURCHASE_UPDATE. Meta adds and
     * retires tags: another tag is passed through, not rejected.
     */
    private String tag;

    /**
     * The messages of this endpoint are written by a person (a human agent), not a bot. With the time of the person's
     * last message in the CamelMessengerLastUserMessageTime header, a message goes as a RESPONSE within 24 hours of it,
     * with the HUMAN_AGENT tag up to 7 days after it, and is refused before sending after that.
     */
    private Boolean humanAgent = false;

    /**
     * The app to pass a conversation to (passThreadControl); the CamelMessengerTargetAppId header overrides it. The
     * Page Inbox is 263902037430900 (MessengerConstants.PAGE_INBOX_APP_ID).
     */
    private String targetAppId;

    /**
     * The fields to read, comma-separated: for userProfile the person's profile fields (default
     * first_name,last_name,profile_pic; also id, name, locale, timezone, as the app's access allows).
     */
    private String fields;

    /**
     * What the personas operation does: create (the body is a Persona or a Map with name and profile_picture_url), get
     * or delete (the persona of CamelMessengerPersonaId, else personaId), or list; the CamelMessengerAction header
     * overrides it.
     */
    private String action;

    /**
     * How long a user profile read by userProfile is kept and answered again without a Graph call; 0 (the default)
     * keeps none. Meta says the profile_pic URL expires without saying when: keep this short (minutes), and fetch the
     * picture soon after reading the profile.
     */
    private Duration userProfileCacheTtl = Duration.ZERO;

    /**
     * The Graph API version used in the request path.
     */
    private String apiVersion = "v25.0";

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * The base URL of the Graph API; point it at the simulator in tests and examples.
     */
    private String baseUrl = "https://graph.facebook.com";

    /**
     * How long to wait for a new TCP and TLS connection.
     */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /**
     * The producer health check asks the Graph API whether the access token is valid at most once per this interval,
     * and reports the last answer in between.
     */
    private Duration healthCheckInterval = Duration.ofSeconds(60);

    /**
     * A MessengerHttpClientConfigurer that customizes the Apache HttpClient 5 async client builder (interceptors,
     * connection reuse, metrics); it runs after the options above. The option is a
     * io.github.camelmessenger.MessengerHttpClientConfigurer type, or a reference to a bean: #bean:name.
     */
    private MessengerHttpClientConfigurer httpClientConfigurer;

    /**
     * The most connections to the Graph API, and so the most calls in flight at once, shared by every endpoint and
     * every Page of the component; an endpoint that sets a connection option of its own (maxConnections,
     * connectTimeout, proxy, TLS, httpClientConfigurer) has a pool of its own.
     */
    private Integer maxConnections = 200;

    /**
     * A bean that gives the access token of a Page (a vault, a database), asked first for every call, for the Page of
     * the call; when it returns null, pageAccessTokens and then accessToken are asked. The option is a
     * io.github.camelmessenger.PageAccessTokenProvider type, or a reference to a bean: #bean:name.
     */
    private PageAccessTokenProvider accessTokenProvider;

    /**
     * The access tokens of several Pages, by Page id, asked after accessTokenProvider and before accessToken; from
     * properties, one key per Page: page-access-tokens with the Page id in square brackets after it.
     */
    private Map<String, String> pageAccessTokens;

    /**
     * How long a call may take in all, from waiting for a free connection to the last byte of the answer; a send never
     * hangs longer.
     */
    private Duration responseTimeout = Duration.ofSeconds(30);

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by default
     * disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * The password for proxy authentication.
     */
    private String proxyAuthPassword;

    /**
     * The user name for proxy authentication.
     */
    private String proxyAuthUsername;

    /**
     * The HTTP proxy host to reach the Graph API through.
     */
    private String proxyHost;

    /**
     * The HTTP proxy port.
     */
    private Integer proxyPort;

    /**
     * Also accept the legacy X-Hub-Signature (HMAC-SHA1) header when X-Hub-Signature-256 is absent. Off by default:
     * SHA-256 is what Meta sends today.
     */
    private Boolean acceptSha1Signature = false;

    /**
     * The Page access token. Required by the producers. It is sent only in the Authorization header, never in a URL, a
     * log line or an exception message.
     */
    private String accessToken;

    /**
     * The app secret. When set, every Graph call carries appsecret_proof, the HMAC-SHA256 of the access token keyed by
     * this secret; the webhook consumer requires it to verify signatures.
     */
    private String appSecret;

    /**
     * The TLS settings for the Graph API connection; the global SSL context parameters are used when none are set and
     * the component enables them. The option is a org.apache.camel.support.jsse.SSLContextParameters type, or a
     * reference to a bean: #bean:name.
     */
    private SSLContextParameters sslContextParameters;

    /**
     * Use the global SSL context parameters when an endpoint sets none.
     */
    private Boolean useGlobalSslContextParameters = false;

    /**
     * The verify token of the webhook subscription: the handshake answers Meta's challenge only when hub.verify_token
     * equals it. Required by the webhook consumer.
     */
    private String verifyToken;

    public MessengerConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MessengerConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getPageId() {
        return pageId;
    }

    public void setPageId(String pageId) {
        this.pageId = pageId;
    }

    public String getPlatform() {
        return platform;
    }

    public void setPlatform(String platform) {
        this.platform = platform;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getIncludeEchoes() {
        return includeEchoes;
    }

    public void setIncludeEchoes(Boolean includeEchoes) {
        this.includeEchoes = includeEchoes;
    }

    public Long getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(Long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public Boolean getAttachmentCache() {
        return attachmentCache;
    }

    public void setAttachmentCache(Boolean attachmentCache) {
        this.attachmentCache = attachmentCache;
    }

    public Duration getAttachmentCacheTtl() {
        return attachmentCacheTtl;
    }

    public void setAttachmentCacheTtl(Duration attachmentCacheTtl) {
        this.attachmentCacheTtl = attachmentCacheTtl;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public MessagingType getMessagingType() {
        return messagingType;
    }

    public void setMessagingType(MessagingType messagingType) {
        this.messagingType = messagingType;
    }

    public NotificationType getNotificationType() {
        return notificationType;
    }

    public void setNotificationType(NotificationType notificationType) {
        this.notificationType = notificationType;
    }

    public String getPersonaId() {
        return personaId;
    }

    public void setPersonaId(String personaId) {
        this.personaId = personaId;
    }

    public String getRecipientId() {
        return recipientId;
    }

    public void setRecipientId(String recipientId) {
        this.recipientId = recipientId;
    }

    public Boolean getSplitLongText() {
        return splitLongText;
    }

    public void setSplitLongText(Boolean splitLongText) {
        this.splitLongText = splitLongText;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getHealthCheckInterval() {
        return healthCheckInterval;
    }

    public void setHealthCheckInterval(Duration healthCheckInterval) {
        this.healthCheckInterval = healthCheckInterval;
    }

    public MessengerHttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(MessengerHttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public PageAccessTokenProvider getAccessTokenProvider() {
        return accessTokenProvider;
    }

    public void setAccessTokenProvider(PageAccessTokenProvider accessTokenProvider) {
        this.accessTokenProvider = accessTokenProvider;
    }

    public Map<String, String> getPageAccessTokens() {
        return pageAccessTokens;
    }

    public void setPageAccessTokens(Map<String, String> pageAccessTokens) {
        this.pageAccessTokens = pageAccessTokens;
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getProxyAuthPassword() {
        return proxyAuthPassword;
    }

    public void setProxyAuthPassword(String proxyAuthPassword) {
        this.proxyAuthPassword = proxyAuthPassword;
    }

    public String getProxyAuthUsername() {
        return proxyAuthUsername;
    }

    public void setProxyAuthUsername(String proxyAuthUsername) {
        this.proxyAuthUsername = proxyAuthUsername;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public Boolean getAcceptSha1Signature() {
        return acceptSha1Signature;
    }

    public void setAcceptSha1Signature(Boolean acceptSha1Signature) {
        this.acceptSha1Signature = acceptSha1Signature;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getAppSecret() {
        return appSecret;
    }

    public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public String getVerifyToken() {
        return verifyToken;
    }

    public void setVerifyToken(String verifyToken) {
        this.verifyToken = verifyToken;
    }

    public Boolean getHumanAgent() {
        return humanAgent;
    }

    public void setHumanAgent(Boolean humanAgent) {
        this.humanAgent = humanAgent;
    }

    public String getTargetAppId() {
        return targetAppId;
    }

    public void setTargetAppId(String targetAppId) {
        this.targetAppId = targetAppId;
    }

    public String getFields() {
        return fields;
    }

    public void setFields(String fields) {
        this.fields = fields;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public Duration getUserProfileCacheTtl() {
        return userProfileCacheTtl;
    }

    public void setUserProfileCacheTtl(Duration userProfileCacheTtl) {
        this.userProfileCacheTtl = userProfileCacheTtl;
    }
}

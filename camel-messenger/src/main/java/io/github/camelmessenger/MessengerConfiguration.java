package io.github.camelmessenger;

import java.util.Map;

import io.github.camelmessenger.model.MessagingType;
import io.github.camelmessenger.model.NotificationType;
import io.github.camelmessenger.model.Platform;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options of a {@code messenger} endpoint. Each can also be set on the component, where it is the default for
 * every endpoint. {@code toString()} never prints a secret.
 */
@UriParams
public class MessengerConfiguration implements Cloneable {

    public static final String DEFAULT_API_VERSION = "v25.0";
    public static final String DEFAULT_BASE_URL = "https://graph.facebook.com";

    @UriParam(defaultValue = "me",
            description = "The id of the Facebook Page (or Instagram professional account) that sends; it is the path"
                    + " segment of the Graph call. The default me is the Page the access token belongs to.")
    private String pageId = "me";

    @UriParam(label = "security", secret = true,
            description = "The Page access token. Required by the producers. It is sent only in the Authorization"
                    + " header, never in a URL, a log line or an exception message.")
    private String accessToken;

    @UriParam(label = "security",
            description = "A bean that gives the access token of a Page (a vault, a database), asked first for every"
                    + " call, for the Page of the call; when it returns null, pageAccessTokens and then"
                    + " accessToken are asked.")
    private PageAccessTokenProvider accessTokenProvider;

    @UriParam(label = "security", secret = true,
            description = "The access tokens of several Pages, by Page id, asked after accessTokenProvider and before"
                    + " accessToken; from properties, one key per Page: page-access-tokens with the Page id in square"
                    + " brackets after it.")
    private Map<String, String> pageAccessTokens;

    @UriParam(label = "security", secret = true,
            description = "The app secret. When set, every Graph call carries appsecret_proof, the HMAC-SHA256 of the"
                    + " access token keyed by this secret; the webhook consumer requires it to verify signatures.")
    private String appSecret;

    @UriParam(label = "producer",
            description = "The default recipient PSID (or IGSID); the CamelMessengerRecipientId header overrides it.")
    private String recipientId;

    @UriParam(label = "producer", defaultValue = "RESPONSE",
            description = "The messaging_type of the messages sent: RESPONSE within the messaging window, UPDATE,"
                    + " MESSAGE_TAG with a tag outside the window, or UTILITY.")
    private MessagingType messagingType = MessagingType.RESPONSE;

    @UriParam(label = "producer",
            description = "The notification_type of the messages sent: REGULAR, SILENT_PUSH or NO_PUSH. Not sent when"
                    + " unset, so Meta's default REGULAR applies.")
    private NotificationType notificationType;

    // no enums: Meta adds and retires tags, and tooling must not reject a tag this release does not know
    @UriParam(label = "producer",
            description = "The message tag for sends outside the messaging window; needs messagingType MESSAGE_TAG."
                    + " Documented tags: ACCOUNT_UPDATE, CONFIRMED_EVENT_UPDATE, CUSTOMER_FEEDBACK, HUMAN_AGENT,"
                    + " POST_PURCHASE_UPDATE. Meta adds and retires tags: another tag is passed through, not"
                    + " rejected.")
    private String tag;

    @UriParam(label = "producer", description = "The persona_id the messages are sent as; with the personas operation,"
            + " the persona to get or delete.")
    private String personaId;

    @UriParam(label = "producer",
            description = "The messages of this endpoint are written by a person (a human agent), not a bot. With the"
                    + " time of the person's last message in the CamelMessengerLastUserMessageTime header, a message"
                    + " goes as a RESPONSE within 24 hours of it, with the HUMAN_AGENT tag up to 7 days after it, and is"
                    + " refused before sending after that.")
    private boolean humanAgent;

    @UriParam(label = "producer",
            description = "The app to pass a conversation to (passThreadControl); the CamelMessengerTargetAppId header"
                    + " overrides it. The Page Inbox is 263902037430900 (MessengerConstants.PAGE_INBOX_APP_ID).")
    private String targetAppId;

    @UriParam(label = "producer",
            description = "The fields to read, comma-separated: for userProfile the person's profile fields (default"
                    + " first_name,last_name,profile_pic; also id, name, locale, timezone, as the app's access allows).")
    private String fields;

    @UriParam(label = "producer", enums = "create,get,list,delete",
            description = "What the personas operation does: create (the body is a Persona or a Map with name and"
                    + " profile_picture_url), get or delete (the persona of CamelMessengerPersonaId, else personaId),"
                    + " or list; the CamelMessengerAction header overrides it.")
    private String action;

    @UriParam(label = "producer", defaultValue = "0", javaType = "java.time.Duration",
            description = "How long a user profile read by userProfile is kept and answered again without a Graph call;"
                    + " 0 (the default) keeps none. Meta says the profile_pic URL expires without saying when: keep"
                    + " this short (minutes), and fetch the picture soon after reading the profile.")
    private long userProfileCacheTtl;

    @UriParam(defaultValue = "messenger", enums = "messenger,instagram",
            description = "The platform whose rules apply: messenger, or instagram (only the HUMAN_AGENT tag, text of"
                    + " at most 1000 UTF-8 bytes).")
    private String platform = "messenger";

    @UriParam(label = "advanced", defaultValue = DEFAULT_API_VERSION,
            description = "The Graph API version used in the request path.")
    private String apiVersion = DEFAULT_API_VERSION;

    @UriParam(label = "advanced", defaultValue = DEFAULT_BASE_URL,
            description = "The base URL of the Graph API; point it at the simulator in tests and examples.")
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(label = "advanced", defaultValue = "10s", javaType = "java.time.Duration",
            description = "How long to wait for a new TCP and TLS connection.")
    private long connectTimeout = 10_000;

    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration",
            description = "How long a call may take in all, from waiting for a free connection to the last byte of the"
                    + " answer; a send never hangs longer.")
    private long responseTimeout = 30_000;

    @UriParam(label = "proxy", description = "The HTTP proxy host to reach the Graph API through.")
    private String proxyHost;

    @UriParam(label = "proxy", description = "The HTTP proxy port.")
    private Integer proxyPort;

    @UriParam(label = "proxy", description = "The user name for proxy authentication.")
    private String proxyAuthUsername;

    @UriParam(label = "proxy", secret = true, description = "The password for proxy authentication.")
    private String proxyAuthPassword;

    @UriParam(label = "security",
            description = "The TLS settings for the Graph API connection; the global SSL context parameters are used"
                    + " when none are set and the component enables them.")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "producer", defaultValue = "false",
            description = "Reuse the attachment_id of a file or URL sent before: the first send uploads it as"
                    + " reusable, later sends of the same URL or the same bytes (SHA-256) send the attachment_id"
                    + " instead, so a broadcast uploads once. InputStream bodies are not cached.")
    private boolean attachmentCache;

    @UriParam(label = "producer", defaultValue = "720h", javaType = "java.time.Duration",
            description = "How long a cached attachment_id is reused; keep it under Meta's 90 days.")
    private long attachmentCacheTtl = 30L * 24 * 60 * 60 * 1000;

    @UriParam(label = "producer", defaultValue = "false",
            description = "Split a text over the limit (2000 characters, 1000 UTF-8 bytes on Instagram) at sentence"
                    + " or word boundaries into several messages sent in order, instead of rejecting it. Quick"
                    + " replies go with the last part; CamelMessengerMessageIds lists every message_id.")
    private boolean splitLongText;

    @UriParam(label = "advanced", defaultValue = "60s", javaType = "java.time.Duration",
            description = "The producer health check asks the Graph API whether the access token is valid at most"
                    + " once per this interval, and reports the last answer in between.")
    private long healthCheckInterval = 60_000;

    @UriParam(label = "advanced",
            description = "A MessengerHttpClientConfigurer that customizes the Apache HttpClient 5 async client"
                    + " builder (interceptors, connection reuse, metrics); it runs after the options above.")
    private MessengerHttpClientConfigurer httpClientConfigurer;

    @UriParam(label = "advanced", defaultValue = "200",
            description = "The most connections to the Graph API, and so the most calls in flight at once, shared by"
                    + " every endpoint and every Page of the component; an endpoint that sets a connection option of its"
                    + " own (maxConnections, connectTimeout, proxy, TLS, httpClientConfigurer) has a pool of its own.")
    private int maxConnections = 200;

    @UriParam(label = "consumer,security", secret = true,
            description = "The verify token of the webhook subscription: the handshake answers Meta's challenge only"
                    + " when hub.verify_token equals it. Required by the webhook consumer.")
    private String verifyToken;

    @UriParam(label = "consumer", defaultValue = "/messenger/webhook",
            description = "The HTTP path the webhook consumer serves on the platform-http engine.")
    private String webhookPath = "/messenger/webhook";

    @UriParam(label = "consumer", defaultValue = "false",
            description = "Route message echoes (the Page's own sent messages) too; by default they are skipped.")
    private boolean includeEchoes;

    @UriParam(label = "consumer,security", defaultValue = "false",
            description = "Also accept the legacy X-Hub-Signature (HMAC-SHA1) header when X-Hub-Signature-256 is"
                    + " absent. Off by default: SHA-256 is what Meta sends today.")
    private boolean acceptSha1Signature;

    @UriParam(label = "consumer", defaultValue = "1048576",
            description = "The largest webhook body accepted, in bytes; a larger one is answered 413.")
    private long maxBodySize = 1_048_576;

    public MessengerConfiguration copy() {
        try {
            return (MessengerConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** The platform option as an enum; an unknown value fails with the allowed ones. */
    public Platform platformType() {
        for (Platform candidate : Platform.values()) {
            if (candidate.name().equalsIgnoreCase(platform)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("platform=" + platform + " is not one of messenger, instagram");
    }

    public String getPageId() {
        return pageId;
    }

    public void setPageId(String pageId) {
        this.pageId = pageId;
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

    public String getRecipientId() {
        return recipientId;
    }

    public void setRecipientId(String recipientId) {
        this.recipientId = recipientId;
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

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public String getPersonaId() {
        return personaId;
    }

    public void setPersonaId(String personaId) {
        this.personaId = personaId;
    }

    public String getPlatform() {
        return platform;
    }

    public void setPlatform(String platform) {
        this.platform = platform;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
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

    public String getProxyAuthUsername() {
        return proxyAuthUsername;
    }

    public void setProxyAuthUsername(String proxyAuthUsername) {
        this.proxyAuthUsername = proxyAuthUsername;
    }

    public String getProxyAuthPassword() {
        return proxyAuthPassword;
    }

    public void setProxyAuthPassword(String proxyAuthPassword) {
        this.proxyAuthPassword = proxyAuthPassword;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public long getHealthCheckInterval() {
        return healthCheckInterval;
    }

    public void setHealthCheckInterval(long healthCheckInterval) {
        this.healthCheckInterval = healthCheckInterval;
    }

    public boolean isAttachmentCache() {
        return attachmentCache;
    }

    public void setAttachmentCache(boolean attachmentCache) {
        this.attachmentCache = attachmentCache;
    }

    public long getAttachmentCacheTtl() {
        return attachmentCacheTtl;
    }

    public void setAttachmentCacheTtl(long attachmentCacheTtl) {
        this.attachmentCacheTtl = attachmentCacheTtl;
    }

    public boolean isSplitLongText() {
        return splitLongText;
    }

    public void setSplitLongText(boolean splitLongText) {
        this.splitLongText = splitLongText;
    }

    public String getVerifyToken() {
        return verifyToken;
    }

    public void setVerifyToken(String verifyToken) {
        this.verifyToken = verifyToken;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public boolean isIncludeEchoes() {
        return includeEchoes;
    }

    public void setIncludeEchoes(boolean includeEchoes) {
        this.includeEchoes = includeEchoes;
    }

    public boolean isAcceptSha1Signature() {
        return acceptSha1Signature;
    }

    public void setAcceptSha1Signature(boolean acceptSha1Signature) {
        this.acceptSha1Signature = acceptSha1Signature;
    }

    public long getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public MessengerHttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(MessengerHttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
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

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public boolean isHumanAgent() {
        return humanAgent;
    }

    public void setHumanAgent(boolean humanAgent) {
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

    public long getUserProfileCacheTtl() {
        return userProfileCacheTtl;
    }

    public void setUserProfileCacheTtl(long userProfileCacheTtl) {
        this.userProfileCacheTtl = userProfileCacheTtl;
    }

    @Override
    public String toString() {
        return "MessengerConfiguration[pageId=" + pageId + ", platform=" + platform + ", messagingType=" + messagingType
                + ", tag=" + tag + ", apiVersion=" + apiVersion + ", baseUrl=" + baseUrl + ", accessToken="
                + (accessToken == null ? "unset" : "******") + ", appSecret=" + (appSecret == null ? "unset" : "******")
                + ", verifyToken=" + (verifyToken == null ? "unset" : "******") + ", pageAccessTokens="
                + (pageAccessTokens == null ? "unset" : pageAccessTokens.size() + " Pages, ******") + "]";
    }
}

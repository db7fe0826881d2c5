package io.github.camelmessenger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.camelmessenger.error.MessengerValidationException;
import io.github.camelmessenger.internal.graph.PageCredentials;
import org.apache.camel.Exchange;

/**
 * Which Page a call acts for, and with which token: the CamelMessengerPageId header, else the pageId option; its token
 * from the accessTokenProvider, else pageAccessTokens, else accessToken (each the endpoint's when it sets it, else the
 * component's). A Page without a token is refused before any call. The appsecret_proof of each token is computed once and kept (a few hundred bytes a token).
 */
final class PageTokens {

    /** More tokens than this in the proof cache and it starts afresh: a provider may rotate tokens forever. */
    private static final int MAX_CACHED_PROOFS = 10_000;

    private final MessengerConfiguration configuration;
    private final TokenSources sources;
    private final ConcurrentMap<String, PageCredentials> credentialsByToken = new ConcurrentHashMap<>();

    PageTokens(MessengerEndpoint endpoint) {
        this.configuration = endpoint.getConfiguration();
        this.sources = TokenSources.of(configuration);
    }

    /** True when some source can give a token: checked when a producer starts. */
    boolean hasSource() {
        return !sources.isEmpty();
    }

    /** The Page of this exchange: the CamelMessengerPageId header beats the pageId option. */
    String pageOf(Exchange exchange) {
        String page = exchange.getMessage().getHeader(MessengerConstants.PAGE_ID, String.class);
        return isBlank(page) ? configuration.getPageId() : page;
    }

    /**
     * @throws MessengerValidationException when no source has a token for {@code pageId}
     */
    PageCredentials credentialsOf(String pageId) {
        String token = tokenOf(pageId);
        if (isBlank(token)) {
            throw new MessengerValidationException("accessToken", "No access token for Page " + pageId
                    + ": return one from the accessTokenProvider, put it in pageAccessTokens,"
                    + " or set accessToken");
        }
        if (isBlank(configuration.getAppSecret())) {
            return new PageCredentials(token, null);
        }
        if (credentialsByToken.size() > MAX_CACHED_PROOFS) {
            credentialsByToken.clear();
        }
        return credentialsByToken.computeIfAbsent(token, t -> PageCredentials.of(t, configuration.getAppSecret()));
    }

    private String tokenOf(String pageId) {
        return sources.tokenOf(pageId);
    }

    /**
     * The Pages whose tokens are configured (not those a provider knows): the pageId option's, and those of the
     * pageAccessTokens maps.
     */
    Map<String, PageCredentials> configuredPages() {
        Map<String, PageCredentials> pages = new LinkedHashMap<>();
        if (!TokenSources.isBlank(sources.accessToken())) {
            pages.put(configuration.getPageId(), credentialsOf(configuration.getPageId()));
        }
        if (sources.pageAccessTokens() != null) {
            sources.pageAccessTokens().keySet().forEach(page -> pages.put(page, credentialsOf(page)));
        }
        return pages;
    }

    private static boolean isBlank(String value) {
        return TokenSources.isBlank(value);
    }
}

package io.github.camelmessenger;

import java.util.Map;

/**
 * Where tokens come from, in the order they are asked: an accessTokenProvider, the pageAccessTokens map, the
 * accessToken. {@code toString()} shows no token.
 */
record TokenSources(PageAccessTokenProvider provider, Map<String, String> pageAccessTokens, String accessToken) {

    static TokenSources of(MessengerConfiguration configuration) {
        return new TokenSources(configuration.getAccessTokenProvider(), configuration.getPageAccessTokens(),
                configuration.getAccessToken());
    }

    /** The token of {@code pageId} from these sources, in their order, or null. */
    String tokenOf(String pageId) {
        String token = provider == null ? null : provider.accessToken(pageId);
        if (isBlank(token) && pageAccessTokens != null) {
            token = pageAccessTokens.get(pageId);
        }
        return isBlank(token) ? accessToken : token;
    }

    boolean isEmpty() {
        return provider == null && isBlank(accessToken) && (pageAccessTokens == null || pageAccessTokens.isEmpty());
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "TokenSources[provider=" + (provider != null) + ", pageAccessTokens="
                + (pageAccessTokens == null ? 0 : pageAccessTokens.size()) + " Pages, accessToken="
                + (isBlank(accessToken) ? "unset" : "******") + "]";
    }
}

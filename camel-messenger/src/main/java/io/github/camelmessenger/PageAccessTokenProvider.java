package io.github.camelmessenger;

/**
 * Where the component gets a Page's access token when one application answers for many Pages: a vault, a database, a
 * tenant registry. Bind one as the {@code accessTokenProvider} option; it is asked on every Graph call, for the Page of
 * that call (the CamelMessengerPageId header, else the pageId option), before {@code pageAccessTokens} and
 * {@code accessToken}. It is called on the calling thread, before the call is sent. The component does not remember
 * which token a Page has (cache in the provider if the source is slow); it keeps only the appsecret_proof it computed
 * for each token, at most 10,000 of them.
 */
@FunctionalInterface
public interface PageAccessTokenProvider {

    /** The access token of {@code pageId}, or null when this provider knows none (the next source is asked). */
    String accessToken(String pageId);
}

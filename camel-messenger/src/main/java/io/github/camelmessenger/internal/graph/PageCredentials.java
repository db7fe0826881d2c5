package io.github.camelmessenger.internal.graph;

/**
 * What authenticates one Graph call for one Page: its access token, sent only as {@code Authorization: Bearer}, and
 * the {@code appsecret_proof} computed for that token (null without an app secret). {@code toString()} shows neither.
 */
public record PageCredentials(String accessToken, String appSecretProof) {

    /** The value of the Authorization header. */
    public String authorization() {
        return "Bearer " + accessToken;
    }

    /** The credentials of {@code accessToken}, with its proof when {@code appSecret} is set. */
    public static PageCredentials of(String accessToken, String appSecret) {
        return new PageCredentials(accessToken,
                appSecret == null || appSecret.isEmpty() ? null : AppSecretProof.of(appSecret, accessToken));
    }

    @Override
    public String toString() {
        return "PageCredentials[accessToken=******, appSecretProof=" + (appSecretProof == null ? "none" : "******") + "]";
    }
}

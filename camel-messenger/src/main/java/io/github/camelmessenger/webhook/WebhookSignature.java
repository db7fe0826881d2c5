package io.github.camelmessenger.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta signs every webhook POST with {@code X-Hub-Signature-256: sha256=<hex>}, the HMAC-SHA256 of the raw request
 * bytes keyed by the app secret. It is checked over the bytes as received (re-serialized JSON would break on escaped
 * accents and emoji) and compared in constant time. The legacy {@code X-Hub-Signature: sha1=...} counts only when the
 * endpoint opts in.
 */
public final class WebhookSignature {

    public static final String SHA256_HEADER = "X-Hub-Signature-256";
    public static final String SHA1_HEADER = "X-Hub-Signature";

    private WebhookSignature() {
    }

    /** True when one of the signatures is present, well formed and right. */
    public static boolean isValid(byte[] body, String appSecret, String sha256Header, String sha1Header, boolean acceptSha1) {
        if (sha256Header != null) {
            return matches(body, appSecret, sha256Header, "sha256=", "HmacSHA256");
        }
        return acceptSha1 && sha1Header != null && matches(body, appSecret, sha1Header, "sha1=", "HmacSHA1");
    }

    /** The header value Meta would send for this body: {@code sha256=<hex>}. */
    public static String sha256(byte[] body, String appSecret) {
        return "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", appSecret, body));
    }

    private static boolean matches(byte[] body, String appSecret, String header, String prefix, String algorithm) {
        String value = header.trim();
        if (!value.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return false;
        }
        byte[] received;
        try {
            received = HexFormat.of().parseHex(value.substring(prefix.length()));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return MessageDigest.isEqual(hmac(algorithm, appSecret, body), received);
    }

    private static byte[] hmac(String algorithm, String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }
}

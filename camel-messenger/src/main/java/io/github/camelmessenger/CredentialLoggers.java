package io.github.camelmessenger;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The component never logs a secret, but Apache HttpClient 5's own debug loggers print every request header, and so
 * the {@code Authorization: Bearer} token, the {@code appsecret_proof} and proxy credentials. When one of them is
 * enabled the component says so once, at start, so that nobody ships it to production by accident.
 */
final class CredentialLoggers {

    /** HttpClient 5's loggers that print credentials at DEBUG (headers, raw bytes, HTTP/2 frames and header blocks). */
    static final List<String> NAMES = List.of("org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire",
            "org.apache.hc.client5.http2.frame", "org.apache.hc.client5.http2.hpack");

    private static final Logger LOG = LoggerFactory.getLogger(MessengerComponent.class);

    private CredentialLoggers() {
    }

    /** Warns once per call when one of {@link #NAMES} is enabled at DEBUG; returns the enabled ones. */
    static List<String> warnIfEnabled() {
        List<String> enabled = NAMES.stream().filter(name -> LoggerFactory.getLogger(name).isDebugEnabled()).toList();
        if (!enabled.isEmpty()) {
            LOG.warn("The loggers {} are at DEBUG: Apache HttpClient writes every request header there, including the"
                    + " Page access token (Authorization: Bearer), appsecret_proof and proxy credentials. Turn them off"
                    + " outside a debugging session (docs/security.md).", enabled);
        }
        return enabled;
    }
}

package io.github.camelmessenger.internal.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.error.GraphError;
import io.github.camelmessenger.error.MessengerApiException;
import io.github.camelmessenger.internal.json.Json;

/**
 * Reads what the Graph API answered: a 2xx with a JSON object is a {@link GraphResponse}; anything else is a
 * {@link MessengerApiException}, classified by code, subcode, {@code is_transient} and status, with Meta's usage
 * headers and how long to wait before a retry. Only a bounded prefix of a body ever gets here.
 */
final class GraphAnswer {

    static final String APP_USAGE = "X-App-Usage";
    static final String PAGE_USAGE = "X-Page-Usage";
    static final String BUSINESS_USE_CASE_USAGE = "X-Business-Use-Case-Usage";
    /** Usage headers Meta sends with Graph answers; a route can slow down before it is throttled. */
    static final List<String> USAGE_HEADERS = List.of(APP_USAGE, PAGE_USAGE, BUSINESS_USE_CASE_USAGE);

    /** The longest wait a {@code Retry-After} or usage header may ask for; Meta's longest documented block is a day. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    private GraphAnswer() {
    }

    /**
     * @param header    the answer's header of that name, or null
     * @param body      at most the body's first {@code limit} bytes
     * @param overLimit the body was longer than its limit: the rest was not read
     */
    static GraphResponse interpret(int status, UnaryOperator<String> header, byte[] body, boolean overLimit, int limit,
            PageCredentials credentials) {
        Map<String, String> usage = usageHeaders(header);
        if (status >= 200 && status < 300) {
            if (overLimit) {
                throw MessengerApiException.unconfirmed(status, "with a body over " + limit + " bytes (not read)", usage);
            }
            JsonNode json = parseOrNull(body);
            if (json == null || !json.isObject()) {
                throw MessengerApiException.unconfirmed(status, body.length == 0
                        ? "with an empty body"
                        : "with a body that is not a JSON object", usage);
            }
            return new GraphResponse(status, json, usage);
        }
        GraphError error = parseError(status, overLimit ? null : parseOrNull(body), overLimit, limit, credentials);
        throw MessengerApiException.of(error, retryAfter(header.apply("Retry-After"), usage), usage);
    }

    private static JsonNode parseOrNull(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return Json.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static GraphError parseError(int status, JsonNode root, boolean overLimit, int limit, PageCredentials credentials) {
        JsonNode error = root == null ? null : root.get("error");
        if (error == null || !error.isObject()) {
            // not a Graph error (a proxy's HTML page, a truncated or oversized body): classified by the HTTP status alone
            String what = overLimit ? "with an error body over " + limit + " bytes (not read)" : "without a Graph error body";
            return new GraphError(status, "HTTP " + status + " " + what, null, null, null, false, null, null, null);
        }
        String token = credentials == null ? null : credentials.accessToken();
        return new GraphError(status,
                redact(text(error, "message"), token),
                text(error, "type"),
                integer(error, "code"),
                integer(error, "error_subcode"),
                error.path("is_transient").asBoolean(false),
                redact(text(error, "error_user_title"), token),
                redact(text(error, "error_user_msg"), token),
                text(error, "fbtrace_id"));
    }

    /** Meta sometimes quotes the token it refuses: never let it into an exception. */
    private static String redact(String text, String token) {
        return text == null || token == null || token.isEmpty() ? text : text.replace(token, "******");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A code as a number, or as a numeric string; anything else is no code. */
    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.canConvertToInt()) {
            return value.asInt();
        }
        try {
            return value.isTextual() ? Integer.valueOf(value.asText().trim()) : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static Map<String, String> usageHeaders(UnaryOperator<String> header) {
        Map<String, String> usage = new LinkedHashMap<>();
        for (String name : USAGE_HEADERS) {
            String value = header.apply(name);
            if (value != null) {
                usage.put(name, value);
            }
        }
        return usage;
    }

    /**
     * {@code Retry-After} (seconds, or an HTTP date) when present and sane, else the longest
     * {@code estimated_time_to_regain_access} (minutes) of {@code X-Business-Use-Case-Usage}. A negative, unreadable or
     * past value is ignored (null: the route's own backoff applies); a wait longer than {@link #MAX_RETRY_AFTER} is cut
     * to it, so a broken header never turns into a negative or endless redelivery delay.
     */
    static Duration retryAfter(String retryAfter, Map<String, String> usage) {
        Duration fromHeader = retryAfter == null ? null : parseRetryAfter(retryAfter, Instant.now());
        if (fromHeader != null) {
            return fromHeader;
        }
        String businessUsage = usage.get(BUSINESS_USE_CASE_USAGE);
        if (businessUsage == null) {
            return null;
        }
        long minutes = 0;
        try {
            JsonNode root = Json.readTree(businessUsage.getBytes(StandardCharsets.UTF_8));
            for (Iterator<JsonNode> perBusiness = root.elements(); perBusiness.hasNext();) {
                for (JsonNode entry : perBusiness.next()) {
                    minutes = Math.max(minutes, entry.path("estimated_time_to_regain_access").asLong(0));
                }
            }
        } catch (IOException e) {
            return null;
        }
        return minutes > 0 ? Duration.ofMinutes(Math.min(minutes, MAX_RETRY_AFTER.toMinutes())) : null;
    }

    /** {@code Retry-After}: delay-seconds or an HTTP-date (RFC 9110); null when negative, past or unreadable. */
    static Duration parseRetryAfter(String value, Instant now) {
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, MAX_RETRY_AFTER.toSeconds()));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration untilDate = Duration.between(now,
                        ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return untilDate.isNegative() ? null : untilDate.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : untilDate;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}

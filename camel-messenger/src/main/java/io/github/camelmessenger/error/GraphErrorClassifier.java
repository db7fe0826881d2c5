package io.github.camelmessenger.error;

import java.util.List;

/**
 * The code / subcode -> category table of the Send API errors. Sources: Meta's Send API error reference
 * (developers.facebook.com/docs/messenger-platform/reference/send-api/error-codes) and the Graph API error handling
 * guide. Adding a documented code is adding a row; the first matching row wins, so specific subcodes come first.
 */
public final class GraphErrorClassifier {

    /** Matches any subcode. */
    private static final Integer ANY = null;

    private record Row(int fromCode, int toCode, Integer subcode, ErrorCategory category) {
        boolean matches(int code, Integer errorSubcode) {
            return code >= fromCode && code <= toCode && (subcode == null || subcode.equals(errorSubcode));
        }
    }

    private static Row row(int code, Integer subcode, ErrorCategory category) {
        return new Row(code, code, subcode, category);
    }

    private static final List<Row> TABLE = List.of(
            // messaging window: outside the 24 hour window, or the tag is not allowed
            row(10, 2018278, ErrorCategory.MESSAGING_WINDOW),
            row(10, 2018065, ErrorCategory.MESSAGING_WINDOW),
            // recipient unavailable
            row(10, 2018108, ErrorCategory.RECIPIENT_UNAVAILABLE),
            row(200, 1545041, ErrorCategory.RECIPIENT_UNAVAILABLE),
            row(551, ANY, ErrorCategory.RECIPIENT_UNAVAILABLE),
            // policy enforcement
            row(10, 1893063, ErrorCategory.POLICY),
            row(368, ANY, ErrorCategory.POLICY),
            row(2022, ANY, ErrorCategory.POLICY),
            // invalid parameter (100 with 2018001 no matching user, 2018109 attachment size, 2018005, 2018008,
            // 2018015, 2018034 ... malformed or failed payload)
            row(100, ANY, ErrorCategory.INVALID_REQUEST),
            // authentication
            row(190, ANY, ErrorCategory.AUTHENTICATION),
            row(102, ANY, ErrorCategory.AUTHENTICATION),
            row(210, ANY, ErrorCategory.AUTHENTICATION),
            // permission
            row(3, ANY, ErrorCategory.PERMISSION),
            row(10, ANY, ErrorCategory.PERMISSION),
            row(200, ANY, ErrorCategory.PERMISSION),
            row(230, ANY, ErrorCategory.PERMISSION),
            // rate limits: application, user, page, custom and Messenger-specific throttling, then 80001-80014
            row(4, ANY, ErrorCategory.RATE_LIMIT),
            row(17, ANY, ErrorCategory.RATE_LIMIT),
            row(32, ANY, ErrorCategory.RATE_LIMIT),
            row(341, ANY, ErrorCategory.RATE_LIMIT),
            row(613, ANY, ErrorCategory.RATE_LIMIT),
            new Row(80001, 80014, ANY, ErrorCategory.RATE_LIMIT),
            // transient: unknown error, service unavailable, temporary send failure
            row(1, ANY, ErrorCategory.TRANSIENT),
            row(2, ANY, ErrorCategory.TRANSIENT),
            row(1200, ANY, ErrorCategory.TRANSIENT));

    private GraphErrorClassifier() {
    }

    /**
     * The category of an error: the table first, then the HTTP status (429 is a rate limit, 5xx transient); anything
     * else is {@link ErrorCategory#UNKNOWN}. Meta's {@code is_transient: true} is the more specific signal: it makes any
     * category that a retry would not cure {@link ErrorCategory#TRANSIENT} (a rate limit stays a rate limit).
     */
    public static ErrorCategory classify(int statusCode, Integer code, Integer subcode, boolean isTransient) {
        ErrorCategory category = byCodeOrStatus(statusCode, code, subcode);
        return isTransient && !category.isRetryable() ? ErrorCategory.TRANSIENT : category;
    }

    private static ErrorCategory byCodeOrStatus(int statusCode, Integer code, Integer subcode) {
        if (code != null) {
            for (Row row : TABLE) {
                if (row.matches(code, subcode)) {
                    return row.category();
                }
            }
        }
        if (statusCode == 429) {
            return ErrorCategory.RATE_LIMIT;
        }
        if (statusCode >= 500) {
            return ErrorCategory.TRANSIENT;
        }
        return ErrorCategory.UNKNOWN;
    }
}

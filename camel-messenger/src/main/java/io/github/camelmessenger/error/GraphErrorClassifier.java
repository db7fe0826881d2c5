package io.github.camelmessenger.error;

import java.util.List;

/**
 * The code / subcode -> category table of the Graph API errors. Sources: Meta's Send API error reference
 * (developers.facebook.com/docs/messenger-platform/reference/send-api/error-codes), the Graph API reference of the
 * thread-control edges ({@code pass_thread_control}, {@code take_thread_control}: 100, 200, 210, 230, 504, 551, 613),
 * the User Profile API (2018218) and the Graph API error handling guide. Adding a documented code is adding a rule; a rule naming a subcode wins over
 * one naming its code alone, and the HTTP status decides only when no code matched. docs/troubleshooting.md renders its
 * table from these rules, and a test keeps the two the same.
 */
public final class GraphErrorClassifier {

    /** What an error is matched on. */
    sealed interface Match permits Code, Status {

        /** 0: a subcode, 1: a code alone, 2: the HTTP status alone: the lower wins. */
        int precedence();

        boolean test(int status, Integer code, Integer subcode);
    }

    /** A Graph error code, or a range of codes, and optionally one subcode. */
    record Code(int from, int to, Integer subcode) implements Match {

        @Override
        public int precedence() {
            return subcode == null ? 1 : 0;
        }

        @Override
        public boolean test(int status, Integer code, Integer errorSubcode) {
            return code != null && code >= from && code <= to && (subcode == null || subcode.equals(errorSubcode));
        }

        @Override
        public String toString() {
            return (from == to ? String.valueOf(from) : from + "-" + to) + (subcode == null ? "" : " / " + subcode);
        }
    }

    /** An HTTP status range, for answers without a Graph error code. */
    record Status(int from, int to) implements Match {

        @Override
        public int precedence() {
            return 2;
        }

        @Override
        public boolean test(int status, Integer code, Integer subcode) {
            return status >= from && status <= to;
        }

        @Override
        public String toString() {
            return from == to ? "HTTP " + from : "HTTP " + from / 100 + "xx";
        }
    }

    /** One documented kind of error: what it is, what to do, and the codes that mean it. */
    record Rule(ErrorCategory category, String meaning, String whatToDo, List<Match> matches) {
    }

    private static Rule rule(ErrorCategory category, String meaning, String whatToDo, Match... matches) {
        return new Rule(category, meaning, whatToDo, List.of(matches));
    }

    private static Code code(int code) {
        return new Code(code, code, null);
    }

    private static Code code(int code, int subcode) {
        return new Code(code, code, subcode);
    }

    static final List<Rule> RULES = List.of(
            rule(ErrorCategory.TRANSIENT, "unknown error, service temporarily unavailable",
                    "retry with backoff (the reliability recipe does)", code(1), code(2)),
            rule(ErrorCategory.TRANSIENT, "temporary send message failure", "retry with backoff", code(1200)),
            rule(ErrorCategory.TRANSIENT, "Meta's side failed", "retry with backoff", new Status(500, 599)),
            rule(ErrorCategory.RATE_LIMIT, "application, user, page or account rate limit",
                    "wait `getRetryAfter()`; watch `CamelMessengerAppUsage` / `CamelMessengerPageUsage` and throttle"
                            + " (reliability.md)",
                    code(4), code(17), code(32), code(341)),
            rule(ErrorCategory.RATE_LIMIT, "Send API rate limit (300 messages/s per Page, 10/s audio and video)",
                    "throttle per Page under the limit", code(613)),
            rule(ErrorCategory.RATE_LIMIT, "business use case rate limit",
                    "wait `estimated_time_to_regain_access` (`getRetryAfter()`)", new Code(80001, 80014, null)),
            rule(ErrorCategory.RATE_LIMIT, "too many requests", "wait `Retry-After`", new Status(429, 429)),
            rule(ErrorCategory.AUTHENTICATION, "the access token is invalid or expired (subcodes 458-467 say why)",
                    "get a new Page token; the producer health check reports it DOWN", code(190)),
            rule(ErrorCategory.AUTHENTICATION, "session or user problem with the token", "check the token belongs to the Page",
                    code(102), code(210)),
            rule(ErrorCategory.PERMISSION,
                    "the app lacks a permission (`pages_messaging`, `instagram_manage_messages`, Business Asset User"
                            + " Profile Access for profiles, ...), or, for thread control, the role: only the app that"
                            + " controls a thread passes or releases it, only the primary receiver takes it from another"
                            + " app or reads its owner",
                    "app review and permissions; for thread control, ask with `requestThreadControl`",
                    code(3), code(10), code(200), code(230)),
            rule(ErrorCategory.MESSAGING_WINDOW, "outside the 24-hour window",
                    "send with an allowed `MESSAGE_TAG`, or wait for the person to write", code(10, 2018278)),
            rule(ErrorCategory.MESSAGING_WINDOW, "the tag is not allowed for this message", "use a tag that fits the content",
                    code(10, 2018065)),
            rule(ErrorCategory.RECIPIENT_UNAVAILABLE, "the person blocked the Page, left, or cannot be reached",
                    "stop sending to this PSID", code(10, 2018108), code(200, 1545041), code(551)),
            rule(ErrorCategory.INVALID_REQUEST, "no matching user: a PSID of another Page, or a typo",
                    "check where the PSID came from", code(100, 2018001)),
            rule(ErrorCategory.INVALID_REQUEST, "attachment size or type not allowed",
                    "see the upload limits in messages/attachments.md", code(100, 2018109)),
            rule(ErrorCategory.INVALID_REQUEST, "malformed payload, bad URL, bad template", "the message names the parameter",
                    code(100, 2018005), code(100, 2018008), code(100, 2018015), code(100, 2018034)),
            rule(ErrorCategory.PROFILE_UNAVAILABLE,
                    "no profile for this person (an account made with a phone number)",
                    "carry on without the profile", code(2018218), code(100, 2018218)),
            rule(ErrorCategory.INVALID_REQUEST, "invalid reply thread id (thread control)", "check the recipient's PSID",
                    code(504)),
            rule(ErrorCategory.INVALID_REQUEST, "a Page token used for another Page, or an object that does not exist",
                    "send from the Page whose token it is (`CamelMessengerPageId`)", code(100, 33)),
            rule(ErrorCategory.INVALID_REQUEST, "invalid parameter (e.g. `Invalid appsecret_proof`, a `target_app_id`"
                    + " that is not a receiver of the Page, a `persona_id` that is not the Page's)",
                    "read the message; check `appSecret`", code(100)),
            rule(ErrorCategory.POLICY, "blocked by policy enforcement", "review the content and Meta's policies", code(368),
                    code(2022), code(10, 1893063)));

    private GraphErrorClassifier() {
    }

    /**
     * The category of an error: the rule whose match is the most specific (a subcode, then a code alone, then the HTTP
     * status); anything else is {@link ErrorCategory#UNKNOWN}. Meta's {@code is_transient: true} is the more specific
     * signal: it makes any category that a retry would not cure {@link ErrorCategory#TRANSIENT} (a rate limit stays a
     * rate limit).
     */
    public static ErrorCategory classify(int statusCode, Integer code, Integer subcode, boolean isTransient) {
        ErrorCategory category = byRules(statusCode, code, subcode);
        return isTransient && !category.isRetryable() ? ErrorCategory.TRANSIENT : category;
    }

    private static ErrorCategory byRules(int statusCode, Integer code, Integer subcode) {
        for (int precedence = 0; precedence <= 2; precedence++) {
            for (Rule rule : RULES) {
                for (Match match : rule.matches()) {
                    if (match.precedence() == precedence && match.test(statusCode, code, subcode)) {
                        return rule.category();
                    }
                }
            }
        }
        return ErrorCategory.UNKNOWN;
    }
}

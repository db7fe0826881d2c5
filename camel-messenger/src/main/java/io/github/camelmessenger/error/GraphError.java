package io.github.camelmessenger.error;

/**
 * The fields of a Graph API {@code error} object, with the HTTP status it came with. {@code message} is Meta's
 * developer message; the access token is removed from it before it gets here.
 */
public record GraphError(
        int statusCode,
        String message,
        String type,
        Integer code,
        Integer errorSubcode,
        boolean isTransient,
        String errorUserTitle,
        String errorUserMsg,
        String fbtraceId) {
}

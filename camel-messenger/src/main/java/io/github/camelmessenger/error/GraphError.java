package io.github.camelmessenger.error;

/**
 * The fields of a Graph API {@code error} object, with the HTTP status it came with. {@code message} is Meta's
 * developer message; the access token is removed from it before it gets here. Every text is cut to
 * {@link MessengerApiException#MAX_TEXT} characters, so that no exception message, log line or dead letter header
 * grows with what a server sent.
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

    public GraphError {
        message = MessengerApiException.capped(message);
        type = MessengerApiException.capped(type);
        errorUserTitle = MessengerApiException.capped(errorUserTitle);
        errorUserMsg = MessengerApiException.capped(errorUserMsg);
        fbtraceId = MessengerApiException.capped(fbtraceId);
    }
}

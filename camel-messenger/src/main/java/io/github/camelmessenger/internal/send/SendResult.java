package io.github.camelmessenger.internal.send;

import java.util.List;
import java.util.Map;

import io.github.camelmessenger.internal.graph.GraphResponse;

/**
 * What sending a plan came to: the {@code message_id} of every message part sent, in order; the last answer (with its
 * usage headers); and the failure that stopped it, or null.
 */
public record SendResult(List<String> messageIds, GraphResponse last, Throwable failure) {

    public SendResult {
        messageIds = List.copyOf(messageIds.stream().filter(id -> id != null).toList());
    }

    /** A field of the last answer, or null. */
    public String lastAnswer(String field) {
        return last == null ? null : last.text(field);
    }

    public Map<String, String> usageHeaders() {
        return last == null ? Map.of() : last.usageHeaders();
    }
}

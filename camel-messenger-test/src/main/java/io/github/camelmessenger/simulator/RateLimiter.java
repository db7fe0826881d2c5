package io.github.camelmessenger.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Meta's per-Page Send API rate limits over a sliding second: one budget for audio and video messages, one for the
 * rest (developers.facebook.com/docs/messenger-platform/send-messages, "Rate limits").
 */
final class RateLimiter {

    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final int textPerSecond;
    private final int mediaPerSecond;
    private final Map<String, Deque<Long>> windows = new HashMap<>();

    RateLimiter(int textPerSecond, int mediaPerSecond) {
        this.textPerSecond = textPerSecond;
        this.mediaPerSecond = mediaPerSecond;
    }

    synchronized boolean tryAcquire(RecordedRequest request) {
        boolean media = isMedia(request);
        String page = request.path().split("/").length > 2 ? request.path().split("/")[2] : "";
        Deque<Long> window = windows.computeIfAbsent(page + (media ? "#media" : "#text"), k -> new ArrayDeque<>());
        long now = System.nanoTime();
        while (!window.isEmpty() && now - window.peekFirst() >= WINDOW_NANOS) {
            window.pollFirst();
        }
        if (window.size() >= (media ? mediaPerSecond : textPerSecond)) {
            return false;
        }
        window.addLast(now);
        return true;
    }

    private static boolean isMedia(RecordedRequest request) {
        try {
            JsonNode type = request.json().path("message").path("attachment").path("type");
            return "audio".equals(type.asText()) || "video".equals(type.asText());
        } catch (IllegalStateException notJson) {
            return false;
        }
    }
}

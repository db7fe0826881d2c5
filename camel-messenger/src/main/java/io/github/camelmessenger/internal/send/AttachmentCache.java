package io.github.camelmessenger.internal.send;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.internal.graph.FilePart;

/**
 * Remembers the {@code attachment_id} of each file or URL sent once, so that sending it again (a broadcast to many
 * recipients) reuses it instead of uploading again. Keyed by the Page (an attachment belongs to the Page that uploaded
 * it) and the URL, or the SHA-256 of the file's bytes; a stream of unknown content ({@code InputStream}) is not cached.
 * Entries expire after the TTL, before Meta's 90 days. The first send of a key uploads; concurrent sends of the same
 * key wait for its attachment_id (single flight), without holding a thread.
 */
final class AttachmentCache {

    private record Entry(CompletableFuture<String> attachmentId, Instant expires) {
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    AttachmentCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The cache key of a media attachment sent by {@code pageId}, or null when it cannot be cached. */
    static String keyOf(String pageId, JsonNode request, FilePart file) {
        JsonNode attachment = request.path("message").path("attachment");
        String type = attachment.path("type").asText("");
        if (!SendRequestValidator.MEDIA_TYPES.contains(type)) {
            return null;
        }
        String prefix = pageId + ":" + type;
        if (file != null) {
            Object content = file.content();
            if (content instanceof byte[] bytes) {
                return prefix + ":sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
            }
            if (content instanceof Path path) {
                return prefix + ":sha256:" + sha256Of(path);
            }
            return null;
        }
        String url = attachment.path("payload").path("url").asText(null);
        return url == null ? null : prefix + ":url:" + url;
    }

    /**
     * Null when the caller is the first to send this key: it uploads, and must then call {@link #complete} or
     * {@link #fail}. Otherwise the attachment_id, now or when the concurrent first upload answers (exceptionally if that
     * upload failed).
     */
    CompletableFuture<String> claim(String key) {
        CompletableFuture<String> mine = new CompletableFuture<>();
        Entry entry = entries.compute(key, (k, existing) -> existing == null || existing.expires().isBefore(clock.instant())
                ? new Entry(mine, clock.instant().plus(ttl))
                : existing);
        return entry.attachmentId() == mine ? null : entry.attachmentId();
    }

    void complete(String key, String attachmentId) {
        Entry entry = entries.get(key);
        if (entry != null) {
            if (attachmentId == null) {
                entries.remove(key, entry);
                entry.attachmentId().completeExceptionally(new IllegalStateException("no attachment_id"));
            } else {
                entry.attachmentId().complete(attachmentId);
            }
        }
    }

    void fail(String key, Throwable cause) {
        Entry entry = entries.get(key);
        if (entry != null && !entry.attachmentId().isDone()) {
            entries.remove(key, entry);
            entry.attachmentId().completeExceptionally(cause);
        }
    }

    int size() {
        return entries.size();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Of(Path path) {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(path)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}

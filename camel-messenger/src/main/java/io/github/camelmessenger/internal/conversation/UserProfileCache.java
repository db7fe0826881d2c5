package io.github.camelmessenger.internal.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.camelmessenger.model.UserProfile;

/**
 * User profiles already read, answered again for {@code ttl} without a Graph call: keyed by Page, PSID and the fields
 * asked for, at most {@value #MAX_ENTRIES} of them. A profile is personal data and its picture URL expires, so the TTL
 * is the user's to choose and short.
 */
public final class UserProfileCache {

    static final int MAX_ENTRIES = 10_000;

    private record Key(String pageId, String psid, String fields) {
    }

    private record Entry(UserProfile profile, Instant until) {
    }

    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentMap<Key, Entry> entries = new ConcurrentHashMap<>();

    public UserProfileCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The cached profile, or null when there is none or it is too old. */
    public UserProfile get(String pageId, String psid, String fields) {
        Key key = new Key(pageId, psid, fields);
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(key, entry);
            return null;
        }
        return entry.profile();
    }

    public void put(String pageId, String psid, String fields, UserProfile profile) {
        if (entries.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            entries.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(new Key(pageId, psid, fields), new Entry(profile, clock.instant().plus(ttl)));
    }
}

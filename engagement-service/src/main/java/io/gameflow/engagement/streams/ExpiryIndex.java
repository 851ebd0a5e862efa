package io.gameflow.engagement.streams;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Ids ordered by the moment they fall due, on a key-value store whose keys sort as text:
 * {@code prefix + 13-digit epoch ms + "|" + id} (13 digits cover the years 2001 to 2286).
 *
 * <p>A sweep starts where the previous one ended, not at the beginning of the index: RocksDB keeps each deleted key
 * as a tombstone until compaction, and a scan from the beginning stepped over every entry ever swept; with a million
 * players that seek was most of the service's time.
 */
final class ExpiryIndex {

    private final KeyValueStore<String, String> store;
    private final String prefix;
    /** Nothing in the index falls due before this; 0 after a restart, so that the first sweep finds everything. */
    private long sweptTo;

    ExpiryIndex(KeyValueStore<String, String> store, String prefix) {
        this.store = store;
        this.prefix = prefix;
    }

    void add(long dueAt, String id) {
        store.put(key(dueAt, id), id);
        sweptTo = Math.min(sweptTo, Math.max(0, dueAt));
    }

    /** Takes out and returns the ids due at or before {@code now}, earliest first. */
    List<String> takeDue(long now) {
        if (now < sweptTo) {
            return List.of();
        }
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> entries = store.range(key(sweptTo, ""), key(now, "\uffff"))) {
            entries.forEachRemaining(due::add);
        }
        List<String> ids = new ArrayList<>(due.size());
        for (KeyValue<String, String> entry : due) {
            store.delete(entry.key);
            ids.add(entry.value);
        }
        sweptTo = now;
        return ids;
    }

    private String key(long time, String id) {
        String digits = Long.toString(Math.max(0, time));
        StringBuilder key = new StringBuilder(prefix.length() + 14 + id.length()).append(prefix);
        for (int i = digits.length(); i < 13; i++) {
            key.append('0');
        }
        return key.append(digits).append('|').append(id).toString();
    }
}

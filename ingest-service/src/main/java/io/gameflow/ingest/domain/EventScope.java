package io.gameflow.ingest.domain;

import io.gameflow.events.EventKind;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of event one API key may send. Written in a key's entry as {@code client} (player_action and
 * transaction: what a game client sends), {@code server} (server_metric: what a game server sends), {@code all},
 * or event names; several joined by {@code +}, e.g. {@code player_action+server_metric} or {@code client+server_metric}.
 * A key extracted from a shipped game client then cannot report server health, and a server's key cannot buy.
 */
public final class EventScope {

    public static final EventScope ALL = new EventScope(EnumSet.allOf(EventKind.class));
    static final String CLIENT = "client";
    static final String SERVER = "server";
    static final String EVERY_KIND = "all";

    private final Set<EventKind> kinds;

    private EventScope(Set<EventKind> kinds) {
        this.kinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
    }

    /**
     * @throws IllegalArgumentException for an empty scope or a word that is neither a scope nor an event_name; the
     *                                  message does not repeat the word, which may be the tail of a key holding ':'
     */
    public static EventScope parse(String spec) {
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        for (String word : spec.split("\\+", -1)) {
            String name = word.trim();
            switch (name) {
                case CLIENT -> kinds.addAll(EnumSet.of(EventKind.PLAYER_ACTION, EventKind.TRANSACTION));
                case SERVER -> kinds.add(EventKind.SERVER_METRIC);
                case EVERY_KIND -> kinds.addAll(EnumSet.allOf(EventKind.class));
                default -> kinds.add(EventKind.byEventName(name).orElseThrow(() -> new IllegalArgumentException(
                        (name.isEmpty() ? "an empty scope word" : "an unknown scope word") + "; a scope is " + CLIENT
                                + " (player_action, transaction), " + SERVER + " (server_metric), " + EVERY_KIND
                                + " or event names (" + eventNames(EnumSet.allOf(EventKind.class)) + "), several joined by '+'")));
            }
        }
        return new EventScope(kinds);
    }

    public boolean allows(EventKind kind) {
        return kinds.contains(kind);
    }

    public boolean isAll() {
        return kinds.size() == EventKind.values().length;
    }

    /** The event names, e.g. {@code player_action, transaction}. */
    public String describe() {
        return eventNames(kinds);
    }

    private static String eventNames(Set<EventKind> kinds) {
        return kinds.stream().map(EventKind::eventName).collect(Collectors.joining(", "));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventScope scope && scope.kinds.equals(kinds);
    }

    @Override
    public int hashCode() {
        return kinds.hashCode();
    }

    @Override
    public String toString() {
        return describe();
    }
}

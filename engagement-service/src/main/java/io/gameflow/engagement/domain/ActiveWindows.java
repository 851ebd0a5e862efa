package io.gameflow.engagement.domain;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The windows of "active players" (docs/definitions.md: at least one event with event time in (as_of − W, as_of]) and the
 * platforms they are split by. A platform outside the known ones counts as "other", so that clients cannot grow the
 * number of counters.
 */
public final class ActiveWindows {

    public static final List<Duration> WINDOWS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1));
    public static final List<String> NAMES = List.of("1m", "5m", "15m", "1h");
    public static final Set<String> PLATFORMS = Set.of("PC", "Console", "Mobile");
    public static final String ALL = "all";
    public static final String OTHER = "other";

    private ActiveWindows() {
    }

    public static String platformOf(String platform) {
        return platform != null && PLATFORMS.contains(platform) ? platform : OTHER;
    }

    /** The counter key of a window and platform (or {@link #ALL}). */
    public static String countKey(int window, String platform) {
        return NAMES.get(window) + "|" + platform;
    }
}

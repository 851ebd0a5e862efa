package io.gameflow.engagement.config;

import io.gameflow.engagement.domain.EngagementSettings;
import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** {@code gameflow.engagement.*} in application.properties: the thresholds of DESIGN.md's definitions. */
@ConfigMapping(prefix = "gameflow.engagement")
public interface EngagementConfig {

    /** A session ends after this long without events. */
    Duration sessionGap();

    /** A player at one level and map this long ... */
    Duration stuckAfter();

    /** ... with at least this many events there, and no level_complete of it, is stuck. */
    int stuckMinEvents();

    /** How far behind its player's latest event an event may arrive and still count. */
    Duration grace();

    /** The same event_id within this much event time is a duplicate. */
    Duration dedupeWindow();

    /** How far ahead of the wall clock an event time may be; later events go to the dead-letter topic. */
    Duration maxFuture();

    default EngagementSettings settings() {
        if (stuckMinEvents() < 1) {
            throw new IllegalArgumentException("gameflow.engagement.stuck-min-events must be at least 1, got " + stuckMinEvents());
        }
        return new EngagementSettings(sessionGap(), stuckAfter(), stuckMinEvents(), grace(), dedupeWindow());
    }
}

package io.gameflow.engagement.domain.rules;

import io.gameflow.engagement.domain.EngagementAlert;
import io.gameflow.engagement.domain.PlayerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StuckRuleTest {

    private static final long SINCE = 1_700_000_000_000L;
    private final StuckRule rule = new StuckRule(10, Duration.ofMinutes(3));

    private static PlayerState at(long eventsThere, long msThere, boolean completedThere, boolean reported) {
        return new PlayerState("p1", "PC", "s1", SINCE, SINCE + msThere, eventsThere, "level_01", "map_01", SINCE,
                eventsThere, completedThere, reported, List.of(), true);
    }

    @ParameterizedTest(name = "{0} events over {1} ms, completed {2}: stuck {3}")
    @CsvSource({
            " 9, 180000, false, false",   // one event too few
            "10, 180000, false, true",    // exactly both thresholds
            "11, 180000, false, true",
            "10, 179999, false, false",   // a millisecond too soon
            "10, 180001, false, true",
            "10, 180000, true, false",    // the level was completed there
    })
    void stuckWithEnoughEventsForLongEnoughWithoutCompleting(long events, long ms, boolean completed, boolean stuck) {
        assertEquals(stuck, rule.holds(at(events, ms, completed, false)));
        assertEquals(stuck, rule.check(at(events, ms, completed, false), SINCE + ms).isPresent());
    }

    @Test
    void reportedOncePerPosition() {
        PlayerState reported = at(10, 180_000, false, true);
        assertTrue(rule.holds(reported));
        assertTrue(rule.check(reported, SINCE + 180_000).isEmpty());
    }

    @Test
    void theAlertSaysWhereAndSinceWhen() {
        EngagementAlert alert = rule.check(at(12, 200_000, false, false), SINCE + 200_000).orElseThrow();
        assertEquals(EngagementAlert.STUCK, alert.type());
        assertEquals("level_01", alert.levelId());
        assertEquals("map_01", alert.mapId());
        assertEquals(Instant.ofEpochMilli(SINCE).toString(), alert.since());
        assertEquals(Instant.ofEpochMilli(SINCE + 200_000).toString(), alert.at());
        assertEquals(12, alert.events());
    }
}

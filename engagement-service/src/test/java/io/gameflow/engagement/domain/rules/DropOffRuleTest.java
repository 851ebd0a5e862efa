package io.gameflow.engagement.domain.rules;

import io.gameflow.engagement.domain.EngagementAlert;
import io.gameflow.engagement.domain.PlayerState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DropOffRuleTest {

    private static final long LAST = 1_700_000_000_000L;

    private static PlayerState ending(String levelId, List<String> completed) {
        return new PlayerState("p1", "PC", "s1", LAST - 60_000, LAST, 5, levelId, "map_01", LAST - 30_000, 3, false,
                false, completed, true);
    }

    @ParameterizedTest(name = "ending on {0} with {1} completed: drop-off {2}")
    @CsvSource({
            "level_02, '', true",
            "level_02, level_01, true",
            "level_02, level_02, false",
            "level_02, level_01;level_02, false",
    })
    void aSessionEndingOnANeverCompletedLevelIsADropOff(String level, String completed, boolean dropOff) {
        List<String> levels = completed.isEmpty() ? List.of() : Arrays.asList(completed.split(";"));
        assertEquals(dropOff, DropOffRule.check(ending(level, levels)).isPresent());
    }

    @ParameterizedTest(name = "the alert of a drop-off on {0}")
    @CsvSource({"level_02", "a:b"})
    void theAlertIsAtTheSessionsLatestEvent(String level) {
        EngagementAlert alert = DropOffRule.check(ending(level, List.of())).orElseThrow();
        assertEquals(EngagementAlert.DROPPED_OFF, alert.type());
        assertEquals(level, alert.levelId());
        assertEquals(Instant.ofEpochMilli(LAST).toString(), alert.at());
    }

    @ParameterizedTest(name = "{0} drop-offs of {1} players: rate {2}")
    @CsvSource({"0, 0, 0.0", "3, 0, 0.0", "0, 4, 0.0", "1, 4, 0.25", "4, 4, 1.0", "6, 4, 1.5"})
    void theRateIsPerPlayerAndMayExceedOne(long dropOffs, long players, double rate) {
        assertEquals(rate, DropOffRule.rate(dropOffs, players));
    }
}

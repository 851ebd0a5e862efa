package io.gameflow.metrics.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SilenceRuleTest {

    private static final long LAST_SEEN = 1_700_000_000_000L;
    private final SilenceRule rule = new SilenceRule(Duration.ofSeconds(30), AlertRule.Severity.CRITICAL);

    @ParameterizedTest(name = "{0} ms after the last sample: silent {1}")
    @CsvSource({"29999, false", "30000, true", "30001, true", "-1000, false"})
    void silentOnceNoSampleCameForTheSilencePeriod(long after, boolean silent) {
        assertEquals(silent, rule.silentAt(LAST_SEEN, LAST_SEEN + after));
    }

    @Test
    void theAlertSaysHowLongTheServerIsSilent() {
        Alert alert = rule.alert(new Subject("s1", "us-west", "game"), LAST_SEEN, LAST_SEEN + 42_500);
        assertEquals(RuleBook.SILENT_RULE, alert.rule());
        assertEquals("critical", alert.severity());
        assertEquals(Alert.FIRING, alert.state());
        assertEquals(42.5, alert.value());
        assertEquals(30.0, alert.threshold());
        assertEquals("2023-11-14T22:13:20Z", alert.startedAt());
        assertEquals("s1", alert.key());
    }
}

package io.gameflow.metrics.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A rule's lifecycle at its boundaries: cpu above 85 for 60 s fires; at or below 75 resolves. */
class RuleStateTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final AlertRule CPU_HIGH = new AlertRule("cpu_high", Metric.CPU_LOAD, 85, Duration.ofSeconds(60), 75,
            AlertRule.Severity.WARNING, AlertRule.Scope.SERVER);
    private static final Subject S1 = new Subject("s1", "us-west", "game");

    private static RuleState.Step observe(RuleState state, double value, long time) {
        return state.observe(CPU_HIGH, S1, value, time);
    }

    private static RuleState firing() {
        RuleState breached = observe(RuleState.CLEAR, 90, T0).state();
        return observe(breached, 90, T0 + 60_000).state();
    }

    @ParameterizedTest(name = "{0}: breach {1}")
    @CsvSource({"84.99, false", "85, false", "85.01, true"})
    void aBreachIsAboveTheThreshold(double value, boolean breach) {
        RuleState.Step step = observe(RuleState.CLEAR, value, T0);
        assertEquals(breach ? Long.valueOf(T0) : null, step.state().breachSince());
        assertNull(step.emitted());
    }

    @ParameterizedTest(name = "breaching since T0, then {1} at T0 + {0} ms: fires {2}")
    @CsvSource({
            "59999, 90, false",
            "60000, 90, true",    // exactly `for` after the first breach
            "60001, 90, true",
            "60000, 85, false",   // at the threshold: starts over
    })
    void firesOnceItHasBreachedForTheHoldTime(long after, double value, boolean fires) {
        RuleState breached = observe(RuleState.CLEAR, 90, T0).state();
        RuleState.Step step = observe(breached, value, T0 + after);
        assertEquals(fires, step.emitted() != null);
        assertEquals(fires, step.state().firing() != null);
        if (fires) {
            assertEquals(Alert.FIRING, step.emitted().state());
            assertEquals("2023-11-14T22:13:20Z", step.emitted().startedAt(), "started at the first breach");
        }
    }

    @Test
    void aSampleAtTheThresholdBeforeTheHoldTimeStartsOver() {
        RuleState state = observe(RuleState.CLEAR, 90, T0).state();
        state = observe(state, 85, T0 + 30_000).state();
        assertEquals(RuleState.CLEAR, state);
        state = observe(state, 90, T0 + 40_000).state();
        assertNull(observe(state, 90, T0 + 99_999).emitted());
        assertEquals(Alert.FIRING, observe(state, 90, T0 + 100_000).emitted().state());
    }

    @Test
    void aRuleWithoutHoldTimeFiresOnTheFirstBreach() {
        AlertRule at = new AlertRule("now", Metric.CPU_LOAD, 85, Duration.ZERO, 85, AlertRule.Severity.CRITICAL,
                AlertRule.Scope.SERVER);
        assertEquals("critical", RuleState.CLEAR.observe(at, S1, 86, T0).emitted().severity());
    }

    @ParameterizedTest(name = "firing, then {0}: resolves {1}")
    @CsvSource({"90, false", "85, false", "75.01, false", "75, true", "10, true"})
    void onceFiringItResolvesAtOrBelowTheResolveLevel(double value, boolean resolves) {
        RuleState firing = firing();
        RuleState.Step step = observe(firing, value, T0 + 120_000);
        if (resolves) {
            assertEquals(RuleState.CLEAR, step.state());
            assertEquals(Alert.RESOLVED, step.emitted().state());
            assertEquals(firing.firing().alertId(), step.emitted().alertId());
            assertEquals(value, step.emitted().value());
        } else {
            assertEquals(firing, step.state(), "between the two levels it stays firing");
            assertNull(step.emitted());
        }
    }

    @Test
    void afterResolvingItStartsOver() {
        RuleState resolved = observe(firing(), 70, T0 + 120_000).state();
        RuleState breached = observe(resolved, 90, T0 + 125_000).state();
        assertEquals(Long.valueOf(T0 + 125_000), breached.breachSince());
        assertNull(breached.firing());
    }

    @ParameterizedTest(name = "threshold 85, resolve-below {0}, for {1}: refused {2}")
    @CsvSource({"85, PT60S, false", "85.01, PT60S, true", "0, PT0S, false", "75, PT-1S, true"})
    void aRuleThatMakesNoSenseIsRefused(double resolveBelow, Duration holdFor, boolean refused) {
        boolean thrown;
        try {
            new AlertRule("r", Metric.CPU_LOAD, 85, holdFor, resolveBelow, AlertRule.Severity.WARNING, AlertRule.Scope.SERVER);
            thrown = false;
        } catch (IllegalArgumentException e) {
            thrown = true;
        }
        assertEquals(refused, thrown);
    }
}

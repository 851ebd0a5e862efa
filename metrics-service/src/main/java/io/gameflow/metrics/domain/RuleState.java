package io.gameflow.metrics.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Where one rule stands for one server or region, kept in the state store: since when (event time, epoch ms) the
 * metric has been above the threshold in every sample, and the alert firing now, if any.
 */
@RegisterForReflection
public record RuleState(Long breachSince, Alert firing) {

    public static final RuleState CLEAR = new RuleState(null, null);

    /** The state after one more sample, and the alert record it emits (firing or resolved), if any. */
    public Step observe(AlertRule rule, Subject subject, double value, long time) {
        if (firing != null) {
            if (rule.clearedBy(value)) {
                return new Step(CLEAR, firing.resolved(value, time));
            }
            return new Step(this, null);
        }
        if (!rule.breachedBy(value)) {
            return new Step(CLEAR, null);
        }
        long since = breachSince == null ? time : breachSince;
        if (time - since >= rule.holdFor().toMillis()) {
            Alert alert = Alert.firing(rule, subject, value, since, time);
            return new Step(new RuleState(since, alert), alert);
        }
        return new Step(new RuleState(since, null), null);
    }

    /** A state and what it emits; {@code emitted} is null when nothing changed for the outside. */
    public record Step(RuleState state, Alert emitted) {
    }
}

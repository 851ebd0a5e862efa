package io.gameflow.metrics.domain;

import java.time.Duration;

/**
 * {@value RuleBook#SILENT_RULE}: a server with no sample for at least {@code after} of stream time is silent; see
 * docs/definitions.md, "Silence". Its next sample that is its newest resolves the alert.
 */
public record SilenceRule(Duration after, AlertRule.Severity severity) {

    /** Whether a server last seen at {@code lastSeen} is silent at {@code now} (epoch ms of stream time). */
    public boolean silentAt(long lastSeen, long now) {
        return now - lastSeen >= after.toMillis();
    }

    /** The firing alert of a server silent since {@code lastSeen}. */
    public Alert alert(Subject server, long lastSeen, long now) {
        return Alert.silent(RuleBook.SILENT_RULE, severity.name().toLowerCase(), server, (now - lastSeen) / 1000.0,
                after.toMillis() / 1000.0, lastSeen);
    }
}

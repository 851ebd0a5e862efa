package io.gameflow.metrics.domain;

import io.gameflow.events.time.ClockSkew;

import java.time.Duration;
import java.util.List;

/**
 * The alerting configuration as the topology uses it: the threshold rules, the rolling window of the statistics
 * and of a region's average, how late a sample may come (grace) and how far ahead of the wall clock (beyond, it is
 * dead-lettered), how far ahead of its receipt a sample may be dated and still count at its own time
 * ({@link ClockSkew}: later ones count at their receipt time), and after how long without a sample a server is silent
 * ({@value #SILENT_RULE}).
 */
public record RuleBook(List<AlertRule> rules, Duration window, Duration grace, Duration maxFuture, ClockSkew clockSkew,
                       Duration silenceAfter, AlertRule.Severity silenceSeverity) {

    public static final String SILENT_RULE = "server_silent";

    public List<AlertRule> serverRules() {
        return rules.stream().filter(r -> r.scope() == AlertRule.Scope.SERVER).toList();
    }

    public SilenceRule silenceRule() {
        return new SilenceRule(silenceAfter, silenceSeverity);
    }

    public List<AlertRule> regionRules() {
        return rules.stream().filter(r -> r.scope() == AlertRule.Scope.REGION).toList();
    }
}

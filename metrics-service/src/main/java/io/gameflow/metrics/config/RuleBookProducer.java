package io.gameflow.metrics.config;

import io.gameflow.events.time.ClockSkew;
import io.gameflow.metrics.domain.AlertRule;
import io.gameflow.metrics.domain.Metric;
import io.gameflow.metrics.domain.RuleBook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/** Turns the configured rules into the rule book, refusing a start with a rule that makes no sense. */
@ApplicationScoped
public class RuleBookProducer {

    @Produces
    @Singleton
    RuleBook ruleBook(MetricsConfig config) {
        List<AlertRule> rules = config.rules().entrySet().stream()
                .map(entry -> rule(entry.getKey(), entry.getValue()))
                .sorted(java.util.Comparator.comparing(AlertRule::name))
                .toList();
        return new RuleBook(rules, config.window(), config.grace(), config.maxEventAhead(),
                new ClockSkew(config.maxClockSkew()), config.silence().after(),
                enumOf(AlertRule.Severity.class, "gameflow.metrics.silence.severity", config.silence().severity()));
    }

    static AlertRule rule(String name, MetricsConfig.Rule rule) {
        String prefix = "gameflow.metrics.rules." + name + ".";
        Metric metric;
        try {
            metric = Metric.ofField(rule.metric());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + "metric: " + e.getMessage(), e);
        }
        return new AlertRule(name, metric, rule.threshold(), rule.holdFor(), rule.resolveBelow().orElse(rule.threshold()),
                enumOf(AlertRule.Severity.class, prefix + "severity", rule.severity()),
                enumOf(AlertRule.Scope.class, prefix + "scope", rule.scope()));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String property, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ", got '" + value + "'");
        }
    }
}

package io.gameflow.metrics.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One record of {@code server-alerts}: an alert that starts ({@code state} firing) or ends (resolved). A firing and
 * its resolved record share {@code alertId}, derived from rule, subject and start, so a replay gives the same ids.
 * Times are ISO-8601 event times; {@code value} is the metric's value that made the change.
 */
@RegisterForReflection
public record Alert(String alertId, String rule, String severity, String state, String scope, String serverId,
                    String region, String serverType, String metric, double value, double threshold,
                    String startedAt, String resolvedAt) {

    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";

    static Alert firing(AlertRule rule, Subject subject, double value, long startedAt, long now) {
        return new Alert(idOf(rule.name(), subject, startedAt), rule.name(), rule.severity().name().toLowerCase(), FIRING,
                rule.scope().name().toLowerCase(), subject.serverId(), subject.region(), subject.serverType(),
                rule.metric().field(), value, rule.threshold(), Instant.ofEpochMilli(startedAt).toString(), null);
    }

    /** The absence alert: nothing heard from a server since {@code lastSeen}. */
    public static Alert silent(String rule, String severity, Subject subject, double silentSeconds, double afterSeconds,
                        long lastSeen) {
        return new Alert(idOf(rule, subject, lastSeen), rule, severity, FIRING, "server", subject.serverId(),
                subject.region(), subject.serverType(), "silence_seconds", silentSeconds, afterSeconds,
                Instant.ofEpochMilli(lastSeen).toString(), null);
    }

    public Alert resolved(double value, long time) {
        return new Alert(alertId, rule, severity, RESOLVED, scope, serverId, region, serverType, metric, value, threshold,
                startedAt, Instant.ofEpochMilli(time).toString());
    }

    @JsonIgnore
    public boolean isFiring() {
        return FIRING.equals(state);
    }

    /** The record key on server-alerts. */
    public String key() {
        return serverId != null ? serverId : region;
    }

    private static String idOf(String rule, Subject subject, long startedAt) {
        String name = rule + "|" + subject.key() + "|" + startedAt;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}

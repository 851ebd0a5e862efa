package io.gameflow.engagement.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One record of {@code fraud-alerts}, keyed by user: the rule, the window of event time it looked at, and the
 * evidence (the transactions, and the figures the rule compared). {@code findingId} is derived from rule, user and
 * window start, so a replay gives the same id.
 */
@RegisterForReflection
public record FraudFinding(String findingId, String rule, String userId, String platform, String windowStart,
                           String windowEnd, List<String> transactions, Map<String, Object> evidence) {

    public static FraudFinding of(String rule, String userId, String platform, long start, long end, List<String> transactions,
                           Map<String, Object> evidence) {
        String name = rule + "|" + userId + "|" + start;
        return new FraudFinding(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString(), rule, userId,
                platform, Instant.ofEpochMilli(start).toString(), Instant.ofEpochMilli(end).toString(),
                List.copyOf(transactions), evidence);
    }
}

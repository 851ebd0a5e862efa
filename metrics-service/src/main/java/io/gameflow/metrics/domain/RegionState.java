package io.gameflow.metrics.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where each region rule of one region stands. The points the rules average are kept apart, one record per server
 * ({@link RegionPoints}), so that a sample never rewrites the whole region.
 */
@RegisterForReflection
public record RegionState(Map<String, RuleState> rules) {

    public static final RegionState EMPTY = new RegionState(Map.of());

    public RegionState withRule(String rule, RuleState state) {
        Map<String, RuleState> updated = new TreeMap<>(rules);
        updated.put(rule, state);
        return new RegionState(updated);
    }
}

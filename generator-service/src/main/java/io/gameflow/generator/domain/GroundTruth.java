package io.gameflow.generator.domain;

import java.util.List;

/** What the generator planted so far, for engagement and metrics to be checked against. */
public record GroundTruth(List<Incident> incidents, List<FraudActor> fraudActors) {
}

package io.gameflow.generator.domain;

import java.util.List;

/**
 * What the generator planted so far, for engagement and metrics to be checked against: the hotspot maps, the
 * players made stuck (the latest 10,000, and how many in all), the fraud actors, the server incidents, and the
 * studio KPIs of the events it delivered ({@link SentKpis}).
 */
public record GroundTruth(List<String> hotspots, List<StuckPlayer> stuckPlayers, long stuckPlayersTotal,
                          List<FraudActor> fraudActors, List<Incident> incidents, SentKpis.Kpis kpis) {
}

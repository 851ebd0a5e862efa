package io.gameflow.engagement.api;

import io.gameflow.events.Topics;
import io.gameflow.kafka.embedded.KafkaTestResource;
import io.gameflow.kafka.embedded.TopicReader;
import io.gameflow.engagement.observability.LabelCapTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.gameflow.engagement.ManagementInterface.management;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stuck players and fraud findings on the real broker: on their topics, in the REST answers and in /q/metrics. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class FindingsResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aPlayerFailingAtOneMapShowsAsStuckEverywhere() throws Exception {
        String player = "stuck-" + UUID.randomUUID();
        String map = "map-" + UUID.randomUUID();
        // the last event 10 s ago: the session stays open (5 min gap) while the test looks at it
        Instant t0 = Instant.now().minusSeconds(200).truncatedTo(ChronoUnit.SECONDS);
        try (PlayerEventsProducer producer = new PlayerEventsProducer()) {
            for (int i = 0; i < 20; i++) {
                producer.send(player, "fail", "level_03", map, t0.plusSeconds(10L * i));
            }
        }
        try (TopicReader alerts = new TopicReader(KafkaTestResource.broker().bootstrapServers(), Topics.ENGAGEMENT_ALERTS)) {
            alerts.awaitMatching(r -> player.equals(r.key()) && r.value().contains("player_stuck"), 1, WAIT);
        }
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("type", "player_stuck").get("/v1/engagement/alerts")
                .then().statusCode(200)
                .body("alerts.find { it.player_id == '" + player + "' }.map_id", equalTo(map))
                .body("alerts.find { it.player_id == '" + player + "' }.since", equalTo(t0.toString())));
        given().get("/v1/engagement/sessions").then().statusCode(200).body("active", greaterThanOrEqualTo(1));
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("level_id", "level_03").get("/v1/engagement/levels")
                .then().statusCode(200)
                .body("levels.find { it.map_id == '" + map + "' }.stuck_now", equalTo(1))
                .body("levels.find { it.map_id == '" + map + "' }.players_now", equalTo(1))
                .body("levels.find { it.map_id == '" + map + "' }.events_by_type.fail", equalTo(20)));
        given().get("/v1/engagement/players/{id}", player).then().statusCode(200)
                .body("player_id", equalTo(player)).body("stuck", equalTo(true))
                .body("map_id", equalTo(map)).body("events_at_position", equalTo(20));
        given().get("/v1/engagement/players/{id}", "nobody-" + UUID.randomUUID()).then().statusCode(404)
                .body("error", equalTo("not_found"));
        given().queryParam("limit", "1000").get("/v1/engagement/hotspots").then().statusCode(200)
                .body("hotspots.find { it.map_id == '" + map + "' }.stuck_players", equalTo(1))
                .body("hotspots.find { it.map_id == '" + map + "' }.players", equalTo(1));
        management().get("/q/metrics").then().statusCode(200)
                .body(containsString("gameflow_engagement_alerts_total{level_id=\"level_03\",map_id=\"" + map + "\",type=\"player_stuck\"} 1.0"));
        // the heat map's and the funnel's gauges, read from the stores every second in tests
        await().atMost(WAIT).untilAsserted(() -> management().get("/q/metrics").then().statusCode(200)
                .body(containsString("gameflow_engagement_stuck_players{level_id=\"level_03\",map_id=\"" + map + "\"} 1.0"))
                .body(containsString("gameflow_engagement_players_now{level_id=\"level_03\",map_id=\"" + map + "\"} 1.0"))
                .body(containsString("gameflow_engagement_level_players{level_id=\"level_03\"}")));
    }

    @Test
    void aBurstOfPurchasesShowsAsOneVelocityFinding() {
        String user = "burst-" + UUID.randomUUID();
        Instant t0 = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        try (PlayerEventsProducer producer = new PlayerEventsProducer()) {
            for (int i = 0; i < 8; i++) {
                producer.purchase(user, "USD", "0.99", t0.plusSeconds(5L * i));
            }
        }
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("user_id", user).get("/v1/purchases/fraud-alerts")
                .then().statusCode(200)
                .body("findings.size()", equalTo(1))
                .body("findings[0].rule", equalTo("purchase_velocity"))
                .body("findings[0].evidence.purchases", equalTo(6))
                .body("findings[0].transactions.size()", equalTo(6)));
        given().queryParam("rule", "purchase_velocity").get("/v1/purchases/fraud-alerts").then().statusCode(200)
                .body("findings.user_id", hasItem(user));
        await().atMost(WAIT).untilAsserted(() -> given().get("/v1/purchases/summary").then().statusCode(200)
                .body("currencies.USD.purchases", greaterThanOrEqualTo(8))
                .body("currencies.USD.revenue_total", org.hamcrest.Matchers.greaterThanOrEqualTo(7.92f)));
        await().atMost(WAIT).untilAsserted(() -> management().get("/q/metrics").then().statusCode(200)
                .body(containsString("gameflow_engagement_revenue_total{currency=\"USD\"}")));
        given().get("/v1/purchases/items").then().statusCode(200)
                .body("top_items.item_id", hasItem("boost_xp"))
                .body("by_item_type.boost.USD", org.hamcrest.Matchers.greaterThanOrEqualTo(7.92f));
        management().get("/q/metrics").then().statusCode(200)
                .body(containsString("gameflow_engagement_fraud_findings_total{rule=\"purchase_velocity\"}"));
        String count = management().get("/q/metrics").then().extract().asString().lines()
                .filter(l -> l.startsWith("gameflow_engagement_fraud_findings_total{rule=\"purchase_velocity\"}"))
                .findFirst().orElseThrow().replaceAll(".* ", "");
        org.hamcrest.MatcherAssert.assertThat(Double.parseDouble(count), greaterThanOrEqualTo(1.0));
    }

    @Test
    void twentySmallCurrenciesDoNotPushUsdOutOfTheRevenueGauges() {
        Instant t0 = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.SECONDS);
        try (PlayerEventsProducer producer = new PlayerEventsProducer()) {
            producer.purchase("big-" + UUID.randomUUID(), "USD", "500.00", t0);
            // real codes (they pass the currency check) that all sort before USD, one cent each
            for (String code : LabelCapTest.EARLY_CODES) {
                producer.purchase("tiny-" + UUID.randomUUID(), code, "0.01", t0);
            }
        }
        await().atMost(WAIT).untilAsserted(() -> given().get("/v1/purchases/summary").then().statusCode(200)
                .body("currencies." + LabelCapTest.LAST_EARLY_CODE + ".purchases", greaterThanOrEqualTo(1))
                .body("currencies.USD.revenue_total", greaterThanOrEqualTo(500.0f)));
        await().atMost(WAIT).untilAsserted(() -> {
            List<String> series = management().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                    .filter(line -> line.startsWith("gameflow_engagement_revenue_total{")).toList();
            org.hamcrest.MatcherAssert.assertThat(series, hasItem(startsWith("gameflow_engagement_revenue_total{currency=\"USD\"}")));
            org.hamcrest.MatcherAssert.assertThat(series, not(hasItem(startsWith("gameflow_engagement_revenue_total{currency=\"" + LabelCapTest.LAST_EARLY_CODE + "\"}"))));
            assertEquals(20, series.size(), "at most 20 currencies: " + series);
        });
    }

    @Test
    void recentPlayersCountAsActiveInEveryWindowAndOnTheirPlatform() {
        String player = "active-" + UUID.randomUUID();
        try (PlayerEventsProducer producer = new PlayerEventsProducer()) {
            producer.send(player, "move", "level_01", "map_01", Instant.now());
        }
        // later than every other test's events: whatever its partition, this player is in its last minute
        await().atMost(WAIT).untilAsserted(() -> given().get("/v1/engagement/active-players").then().statusCode(200)
                .body("windows.'1m'.total", greaterThanOrEqualTo(1))
                .body("windows.'1m'.by_platform.PC", greaterThanOrEqualTo(1))
                .body("windows.'1h'.total", greaterThanOrEqualTo(1)));
        await().atMost(WAIT).untilAsserted(() -> {
            String line = management().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                    .filter(l -> l.startsWith("gameflow_engagement_active_players{platform=\"PC\",window=\"1m\"}"))
                    .findFirst().orElseThrow();
            org.hamcrest.MatcherAssert.assertThat(Double.parseDouble(line.replaceAll(".* ", "")), greaterThanOrEqualTo(1.0));
        });
    }

    @Test
    void aCompletedLevelShowsInTheFunnelAndInItsLevelAnswer() {
        String player = "funnel-" + UUID.randomUUID();
        String level = "level-" + UUID.randomUUID();
        Instant t0 = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        try (PlayerEventsProducer producer = new PlayerEventsProducer()) {
            producer.send(player, "move", level, "map_01", t0);
            producer.send(player, "level_complete", level, "map_02", t0.plusSeconds(90));
        }
        await().atMost(WAIT).untilAsserted(() -> given().get("/v1/engagement/funnel").then().statusCode(200)
                .body("levels.find { it.level_id == '" + level + "' }.players", equalTo(1))
                .body("levels.find { it.level_id == '" + level + "' }.completions", equalTo(1))
                .body("levels.find { it.level_id == '" + level + "' }.completion_rate", equalTo(1.0f))
                .body("levels.find { it.level_id == '" + level + "' }.median_seconds_to_complete", equalTo(90.0f)));
        await().atMost(WAIT).untilAsserted(() -> given().get("/v1/engagement/levels/{id}", level).then().statusCode(200)
                .body("level.level_id", equalTo(level))
                .body("maps.map_id", org.hamcrest.Matchers.contains("map_01", "map_02")));
        given().get("/v1/engagement/levels/{id}", "no-such-level").then().statusCode(404)
                .body("error", equalTo("not_found")).body("message", containsString("/v1/engagement/funnel"));
    }

    @Test
    void badQueriesGet400SayingWhatToFix() {
        given().queryParam("type", "bored").get("/v1/engagement/alerts").then().statusCode(400)
                .body("error", equalTo("bad_request")).body("message", containsString("player_dropped_off, player_stuck"));
        given().queryParam("limit", "0").get("/v1/engagement/alerts").then().statusCode(400)
                .body("message", containsString("1 to 1000"));
        given().queryParam("rule", "greed").get("/v1/purchases/fraud-alerts").then().statusCode(400)
                .body("message", containsString("purchase_velocity"));
    }
}

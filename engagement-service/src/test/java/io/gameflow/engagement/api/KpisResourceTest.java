package io.gameflow.engagement.api;

import io.gameflow.events.EventJson;
import io.gameflow.events.PlayerEvent;
import io.gameflow.events.PurchaseEvent;
import io.gameflow.events.Topics;
import io.gameflow.events.UserData;
import io.gameflow.kafka.embedded.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.gameflow.engagement.ManagementInterface.management;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The studio KPIs on the real broker, through REST and /q/metrics. Other tests of this application send PC players
 * today, so these players are on Console and pay in a currency nobody else uses: their figures are exactly these.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class KpisResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void consolePlayersAndTheirMoneyShowInTheDailyRowTheCohortAndTheGauges() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant t0 = now.minusSeconds(20);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (!LocalDate.ofInstant(t0, ZoneOffset.UTC).equals(today)) {
            t0 = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (PlayerEventsProducer producer = new PlayerEventsProducer()) {
            for (int p = 0; p < 3; p++) {
                String player = "console-" + run + "-" + p;
                for (int second = 0; second < 10; second += 5) {
                    PlayerEvent event = new PlayerEvent(new PlayerEvent.Parameters(player, "s-" + player, "move",
                            "level_01", "map_01"), t0.plusSeconds(second), new UserData(player, "Console"));
                    producer.sendRaw(player, EventJson.write(event));
                }
            }
            String payer = "console-" + run + "-0";
            for (String amount : new String[] {"4.99", "0.01"}) {
                PurchaseEvent purchase = new PurchaseEvent(new PurchaseEvent.Parameters(UUID.randomUUID().toString(),
                        PurchaseEvent.PURCHASE, "ISK", new BigDecimal(amount), "gem_pack", "currency"), t0.plusSeconds(1),
                        new UserData(payer, "Console"));
                producer.sendRaw(Topics.PURCHASE_EVENTS, payer, EventJson.write(purchase));
            }
        }
        String date = LocalDate.ofInstant(t0, ZoneOffset.UTC).toString();
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("from", date).queryParam("to", date)
                .queryParam("platform", "Console").get("/v1/kpis/daily")
                .then().statusCode(200)
                .body("zone", equalTo("UTC"))
                .body("platform", equalTo("Console"))
                .body("as_of", notNullValue())
                .body("days", hasSize(1))
                .body("days[0].date", equalTo(date))
                .body("days[0].final", equalTo(false))
                .body("days[0].dau", equalTo(3))
                .body("days[0].mau", equalTo(3))
                .body("days[0].new_players", equalTo(3))
                .body("days[0].sessions", equalTo(3))
                .body("days[0].playtime_seconds", equalTo(15.0f))
                .body("days[0].paying_users", equalTo(1))
                .body("days[0].revenue.find { it.currency == 'ISK' }.net_revenue", equalTo(5.0f))
                .body("days[0].revenue.find { it.currency == 'ISK' }.arppu", equalTo(5.0f))
                .body("days[0].revenue.find { it.currency == 'ISK' }.first_time_payers", equalTo(1)));
        given().queryParam("from", date).queryParam("to", date).queryParam("platform", "Console").get("/v1/kpis/retention")
                .then().statusCode(200)
                .body("cohorts", hasSize(1))
                .body("cohorts[0].cohort", equalTo(date))
                .body("cohorts[0].new_players", equalTo(3))
                .body("cohorts[0].days[0].players", equalTo(3))
                .body("cohorts[0].days[0].share", equalTo(1.0f));
        String longAgo = LocalDate.ofInstant(t0, ZoneOffset.UTC).minusDays(200).toString();
        given().queryParam("from", longAgo).queryParam("to", longAgo).get("/v1/kpis/daily").then().statusCode(400)
                .body("message", containsString("is before the days kept"));
        await().atMost(WAIT).untilAsserted(() -> management().get("/q/metrics").then().statusCode(200)
                .body(containsString("gameflow_kpi_daily_active_players{platform=\"Console\"} 3.0"))
                .body(containsString("gameflow_kpi_new_players{platform=\"Console\"} 3.0")));
    }

    @Test
    void badParametersAnswer400SayingWhatToSend() {
        given().queryParam("from", "yesterday").get("/v1/kpis/daily").then().statusCode(400)
                .body("error", equalTo("bad_request")).body("message", containsString("from must be a date yyyy-MM-dd"));
        given().queryParam("from", "2026-11-02").queryParam("to", "2026-11-01").get("/v1/kpis/retention").then()
                .statusCode(400).body("message", containsString("must not be after to"));
        given().queryParam("from", "2024-01-01").queryParam("to", "2026-01-01").get("/v1/kpis/daily").then()
                .statusCode(400).body("message", containsString("more than 366 days"));
        given().queryParam("to", "+999999999-12-31").get("/v1/kpis/daily").then().statusCode(400)
                .body("message", containsString("to must be a date"));
        given().queryParam("platform", "<script>alert(1)</script>").get("/v1/kpis/daily").then().statusCode(400)
                .body("message", containsString("platform must be one of Console, Mobile, PC, all, other"));
        // checked before the state is read: the same answers while Kafka Streams starts
        await().atMost(WAIT).untilAsserted(() -> given().get("/v1/kpis/daily").then().statusCode(200)
                .body("days", hasSize(30)));
    }
}

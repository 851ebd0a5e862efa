package io.gameflow.e2e;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The studio KPIs against the generator's ground truth, on the stack of {@code make run}: the generator plays ten days
 * in its first minute (clock at 14,400x, catching up with the wall clock after one minute), installing players every
 * day and bringing them back by its churn curve, straight into Kafka (in order per partition, as a day's end must see
 * it). Then it stops, and every figure its truth knows, day by day, must equal engagement-service's answer exactly:
 * DAU, new players, D1 and D7 of each cohort, and per currency net revenue and paying users.
 */
class StudioKpisIT {

    private static final String ENGAGEMENT = "http://127.0.0.1:" + LocalStack.ENGAGEMENT_PORT;
    private static final String GENERATOR = "http://127.0.0.1:" + LocalStack.GENERATOR_PORT;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;

    @BeforeAll
    static void startTheStack() throws Exception {
        for (int port : LocalStack.PORTS) {
            assertFalse(LocalStack.listening(port), "port " + port + " must be free before the test");
        }
        stack = LocalStack.start(Map.of(
                "GAMEFLOW_GENERATOR_MODE", "kafka",
                "GAMEFLOW_GENERATOR_CLOCK_SPEED", "14400",
                "GAMEFLOW_GENERATOR_FAST_CLOCK_FOR", "1m",
                // per second of game time: about 500 player events per wall second, one server reporting
                "GAMEFLOW_GENERATOR_RATE", "0.035",
                "GAMEFLOW_GENERATOR_SERVERS", "1",
                // a fraud round every 5 min of game time would be 48 a wall second, each rereading a fraud actor's
                // 1,000 kept purchases: more than the fraud rules' per-user store is made for
                "GAMEFLOW_GENERATOR_FRAUD_EVERY", "1d",
                // the dedupe stores are window stores, a RocksDB segment per half retention (the window): with the
                // default 10 min, ten days of game time in a minute open and drop thousands of segments; the same
                // ids are kept, in fewer segments
                "GAMEFLOW_ENGAGEMENT_DEDUPE_WINDOW", "6h",
                "GAMEFLOW_GENERATOR_POPULATION_INSTALLS_PER_DAY", "100"));
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyFigureOfTheGeneratorsTruthEqualsTheKpisDayByDay() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        await("the generator to play ten days and meet the wall clock").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> days(truth()).size() >= 9 && today.toString().equals(last(days(truth())).get("date").asText()));
        post(GENERATOR + "/v1/generator/stop");

        long[] comparedOnDaySeven = new long[1];
        await("engagement-service's KPIs to equal the truth").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    JsonNode truthDays = days(truth());
                    String from = truthDays.get(0).get("date").asText();
                    String to = last(truthDays).get("date").asText();
                    Map<String, JsonNode> daily = byDate(get(ENGAGEMENT + "/v1/kpis/daily?from=" + from + "&to=" + to).get("days"), "date");
                    JsonNode retention = get(ENGAGEMENT + "/v1/kpis/retention?from=" + from + "&to=" + to);
                    Map<String, JsonNode> cohorts = byDate(retention.get("cohorts"), "cohort");
                    // a cohort's days run to the day of as_of, the task that has got least far: after the fast clock
                    // a purchase partition that saw no purchase today stays on an earlier day (its clock goes on at 1x)
                    LocalDate coveredTo = LocalDate.ofInstant(Instant.parse(retention.get("as_of").asText()), ZoneOffset.UTC);
                    assertFalse(coveredTo.isBefore(LocalDate.parse(to).minusDays(1)),
                            "the retention answers cover at least up to yesterday, as of " + coveredTo);
                    comparedOnDaySeven[0] = 0;
                    for (JsonNode truthDay : truthDays) {
                        String date = truthDay.get("date").asText();
                        JsonNode day = daily.get(date);
                        JsonNode cohort = cohorts.get(date);
                        assertEquals(truthDay.get("dau").asLong(), day.get("dau").asLong(), "DAU of " + date);
                        assertEquals(truthDay.get("new_players").asLong(), day.get("new_players").asLong(), "new players of " + date);
                        assertEquals(truthDay.get("new_players").asLong(), cohort.get("new_players").asLong(), "cohort " + date);
                        for (int n : new int[] {1, 7}) {
                            if (!LocalDate.parse(date).plusDays(n).isAfter(coveredTo)) {
                                assertEquals(truthDay.get("d" + n).asLong(), retained(cohort, n), "D" + n + " players of cohort " + date);
                                comparedOnDaySeven[0] += n == 7 ? truthDay.get("d7").asLong() : 0;
                            }
                        }
                        assertEquals(money(truthDay.get("revenue")), money(day.get("revenue")), "revenue of " + date);
                    }
                });

        assertTrue(days(truth()).size() >= 9, "ten days played");
        assertTrue(comparedOnDaySeven[0] > 0, "some cohort came back on day 7 and was compared: the comparison is not of zeros");
    }

    /** Currency -> "net revenue, paying users", with the revenue as a decimal whatever its scale. */
    private static Map<String, String> money(JsonNode revenue) {
        Map<String, String> byCurrency = new TreeMap<>();
        for (JsonNode currency : revenue) {
            byCurrency.put(currency.get("currency").asText(), currency.get("net_revenue").decimalValue().stripTrailingZeros()
                    .toPlainString() + ", " + currency.get("paying_users").asLong());
        }
        return byCurrency;
    }

    private static long retained(JsonNode cohort, int day) {
        JsonNode days = cohort.get("days");
        return days.size() > day ? days.get(day).get("players").asLong() : 0;
    }

    private static Map<String, JsonNode> byDate(JsonNode rows, String field) {
        Map<String, JsonNode> byDate = new HashMap<>();
        rows.forEach(row -> byDate.put(row.get(field).asText(), row));
        return byDate;
    }

    private static JsonNode days(JsonNode truth) {
        return truth.get("kpis").get("days");
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    private static JsonNode truth() throws IOException, InterruptedException {
        return get(GENERATOR + "/v1/generator/truth");
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + " answered " + response.body());
        return JSON.readTree(response.body());
    }

    private static void post(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("X-Admin-Key", "gameflow-local-admin-key")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + " answered " + response.body());
    }
}

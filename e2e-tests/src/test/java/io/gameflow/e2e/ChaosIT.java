package io.gameflow.e2e;

import io.gameflow.events.Topics;
import io.gameflow.kafka.embedded.EmbeddedKafka;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, "Recovery": while game clients send events through ingest-service and resend every refused batch
 * unchanged, ingest-service, the Kafka broker, engagement-service and metrics-service, each an OS process of its own,
 * are killed with SIGKILL one after the other, and each is started again at once on the same port and data. Proves:
 * <ol>
 *   <li>nothing ingest acknowledged is missing from its topic (copies of resent events are allowed);</li>
 *   <li>the analytics come out exact: every player's session events, the active players, the events per level and
 *   map, every server's latest sample;</li>
 *   <li>each killed process answers again within its bound of docs/recovery.md ({@link Recovery}), and the Streams
 *   services, which stay up while the broker is away, count again once it is back;</li>
 *   <li>no request to ingest waits longer than its Kafka timeout plus 5 s, whatever is down.</li>
 * </ol>
 * The figures go to target/chaos-report.md ({@code make chaos} runs this test alone).
 */
class ChaosIT {

    private static final Path ROOT = Path.of(System.getProperty("gameflow.root", ".."));
    private static final Path WORK = ROOT.resolve("e2e-tests/target/chaos");
    private static final Path REPORT = ROOT.resolve("e2e-tests/target/chaos-report.md");

    private static final String CLIENT_KEY = "chaos-client-key";
    private static final String SERVER_KEY = "chaos-server-key";
    private static final int PLAYERS = 500;
    private static final int SERVERS = 20;
    private static final int PLAYER_THREADS = 3;
    private static final int PLAYER_BATCH = 20;
    private static final Duration PLAYER_BATCH_EVERY = Duration.ofMillis(250);
    private static final Duration SERVER_BATCH_EVERY = Duration.ofSeconds(1);
    /** About 12 s of the load (3 x 80 player events/s and 20 samples/s) before each kill and after the last. */
    private static final long EVENTS_BETWEEN_KILLS = 3000;

    private static final Duration INGEST_KAFKA_TIMEOUT = Duration.ofSeconds(5);
    /** ingest answers within its Kafka timeout whatever the broker does; 5 s more for a machine under load. */
    private static final Duration MAX_REQUEST_WAIT = INGEST_KAFKA_TIMEOUT.plusSeconds(5);
    private static final Duration START_WAIT = Duration.ofMinutes(3);
    /** How long a recovery is waited for: far beyond every bound, so that an overrun is measured, not cut short. */
    private static final Duration MEASURE_WAIT = Duration.ofSeconds(90);
    private static final Duration ANALYTICS_WAIT = Duration.ofSeconds(60);

    private static final IngestRequestLog requests = new IngestRequestLog();
    private static final AcknowledgedEvents acknowledged = new AcknowledgedEvents();
    private static final RecoveryReport report = new RecoveryReport();
    private static final List<AvailabilityProbe> probes = new ArrayList<>();
    private static long testStart;
    private static BrokerProcess broker;
    private static ServiceJar ingest;
    private static ServiceJar engagement;
    private static ServiceJar metrics;
    private static ResendingLoadClient client;

    @BeforeAll
    static void start() throws Exception {
        testStart = System.nanoTime();
        EmbeddedKafka.deleteDirectory(WORK);
        Files.createDirectories(WORK);
        broker = new BrokerProcess(WORK.resolve("kafka"), WORK.resolve("logs/broker.log")).start();
        broker.awaitReady(START_WAIT);
        int[] ports = EmbeddedKafka.freePorts(3);
        String kafka = broker.bootstrapServers();
        ingest = new ServiceJar("ingest-service", ports[0], Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(ports[0]),
                "KAFKA_BOOTSTRAP_SERVERS", kafka,
                "GAMEFLOW_INGEST_AUTH_KEYS", "chaos-client:" + CLIENT_KEY + ":client,chaos-server:" + SERVER_KEY + ":server",
                "GAMEFLOW_INGEST_KAFKA_TIMEOUT", INGEST_KAFKA_TIMEOUT.toSeconds() + "s"),
                WORK.resolve("logs/ingest-service.log"));
        engagement = new ServiceJar("engagement-service", ports[1], Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(ports[1]),
                "GAMEFLOW_ADVERTISED_HOST", "127.0.0.1",
                "KAFKA_BOOTSTRAP_SERVERS", kafka,
                "KAFKA_STREAMS_STATE_DIR", WORK.resolve("state/engagement-service").toString(),
                "QUARKUS_KAFKA_STREAMS_APPLICATION_ID", "engagement-chaos",
                "KAFKA_STREAMS_GROUP_INSTANCE_ID", "engagement-0",
                // one session per player for the whole run, so that session_events counts all of a player's events
                "GAMEFLOW_ENGAGEMENT_SESSION_GAP", "30m"),
                WORK.resolve("logs/engagement-service.log"));
        metrics = new ServiceJar("metrics-service", ports[2], Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(ports[2]),
                "GAMEFLOW_ADVERTISED_HOST", "127.0.0.1",
                "KAFKA_BOOTSTRAP_SERVERS", kafka,
                "KAFKA_STREAMS_STATE_DIR", WORK.resolve("state/metrics-service").toString(),
                "QUARKUS_KAFKA_STREAMS_APPLICATION_ID", "metrics-chaos",
                "KAFKA_STREAMS_GROUP_INSTANCE_ID", "metrics-0"),
                WORK.resolve("logs/metrics-service.log"));
        for (ServiceJar service : List.of(ingest, engagement, metrics)) {
            service.start();
        }
        for (ServiceJar service : List.of(ingest, engagement, metrics)) {
            service.awaitReady(START_WAIT);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        // also after a failure: the figures measured so far say where it went wrong
        report.figure("Machine at the end", machineLoad());
        report.figure("Test wall time", RecoveryReport.seconds(Duration.ofNanos(System.nanoTime() - testStart)));
        report.write(REPORT);
        if (client != null) {
            client.close();
        }
        probes.forEach(AvailabilityProbe::close);
        for (ServiceJar service : new ServiceJar[]{ingest, engagement, metrics}) {
            if (service != null) {
                service.close();
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** The context of the timings: this machine may be shared with other builds. */
    private static String machineLoad() {
        return String.format(Locale.ROOT, "%d cores, load average %.1f", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    @Test
    void nothingAcknowledgedIsLostAndEachKilledProcessAnswersAgainInTime() throws Exception {
        AvailabilityProbe ingestReady = probe("ingest-service", ingest.managementUrl("/q/health/ready"));
        AvailabilityProbe engagementLevels = probe("engagement-service", engagement.url("/v1/engagement/levels"));
        AvailabilityProbe metricsServers = probe("metrics-service", metrics.url("/v1/servers"));
        report.figure("Machine when the load starts", machineLoad());
        startLoad();
        boolean drained;
        try {
            loadFor(EVENTS_BETWEEN_KILLS);
            long phase = System.nanoTime();
            killAndRestart(ingest, ingestReady, "GET /q/health/ready 200", Recovery.RESTARTED_INGEST_WITHIN);
            loadFor(EVENTS_BETWEEN_KILLS);
            observeOutages("ingest-service", phase);

            phase = System.nanoTime();
            killAndRestartBroker();
            loadFor(EVENTS_BETWEEN_KILLS);
            observeOutages("the broker", phase);
            report.observe("(ingest's readiness is DOWN while the broker is away, on purpose: a load balancer then "
                    + "sends it no requests that could only get 503)");

            phase = System.nanoTime();
            killAndRestart(engagement, engagementLevels, "GET /v1/engagement/levels 200", Recovery.RESTARTED_STREAMS_WITHIN);
            loadFor(EVENTS_BETWEEN_KILLS);
            observeOutages("engagement-service", phase);

            phase = System.nanoTime();
            killAndRestart(metrics, metricsServers, "GET /v1/servers 200", Recovery.RESTARTED_STREAMS_WITHIN);
            loadFor(EVENTS_BETWEEN_KILLS);
            observeOutages("metrics-service", phase);
        } finally {
            // every batch made is sent until it is acknowledged: afterwards, made = acknowledged
            drained = client.stop(Duration.ofSeconds(60));
        }

        TopicEventIds playerTopic = TopicEventIds.read(broker.bootstrapServers(), Topics.PLAYER_EVENTS, Duration.ofSeconds(60));
        TopicEventIds serverTopic = TopicEventIds.read(broker.bootstrapServers(), Topics.SERVER_METRICS, Duration.ofSeconds(60));
        List<String> lostPlayerEvents = missing(acknowledged.ids(Topics.PLAYER_EVENTS), playerTopic);
        List<String> lostSamples = missing(acknowledged.ids(Topics.SERVER_METRICS), serverTopic);
        recordFigures(playerTopic, serverTopic, lostPlayerEvents.size() + lostSamples.size());

        List<Executable> checks = new ArrayList<>(List.of(
                () -> assertTrue(drained, "every batch made was acknowledged in the end"),
                () -> assertEquals(List.of(), acknowledged.problems(), "each 200 names exactly the events of its batch"),
                () -> assertEquals(List.of(), firstOf(lostPlayerEvents), "acknowledged player events missing from "
                        + Topics.PLAYER_EVENTS + " (" + lostPlayerEvents.size() + " in all)"),
                () -> assertEquals(List.of(), firstOf(lostSamples), "acknowledged server samples missing from "
                        + Topics.SERVER_METRICS + " (" + lostSamples.size() + " in all)"),
                () -> assertEquals(List.of(), requests.unexpected(), "answers other than 200 and 503 (429 included)"),
                () -> assertTrue(requests.maxWait().compareTo(MAX_REQUEST_WAIT) <= 0, () -> "requests to ingest that waited "
                        + "longer than " + MAX_REQUEST_WAIT + ": " + firstOf(requests.waitedLongerThan(MAX_REQUEST_WAIT))),
                () -> assertTrue(broker.isAlive() && ingest.isAlive() && engagement.isAlive() && metrics.isAlive(),
                        "every process still runs at the end"),
                ChaosIT::engagementCountsEachAcknowledgedEventOnce,
                ChaosIT::metricsShowsEachServersLatestSample));
        for (RecoveryReport.Recovery recovery : report.recoveries()) {
            checks.add(() -> assertTrue(recovery.withinBound(), () -> recovery.process() + " answered "
                    + RecoveryReport.seconds(recovery.measured()) + " after its restart, over its bound of "
                    + RecoveryReport.seconds(recovery.bound())));
        }
        assertAll(checks);
    }

    private static void startLoad() {
        client = new ResendingLoadClient(ingest.url(""), requests, acknowledged);
        List<String> players = IntStream.range(0, PLAYERS).mapToObj(p -> String.format("player_%03d", p)).toList();
        for (int t = 0; t < PLAYER_THREADS; t++) {
            int thread = t;
            // each player belongs to one thread, so that a player's events arrive in the order they were made
            List<String> own = IntStream.range(0, PLAYERS).filter(p -> p % PLAYER_THREADS == thread).mapToObj(players::get).toList();
            client.start(new PlayerActionSource(CLIENT_KEY, own, PLAYER_BATCH), PLAYER_BATCH_EVERY);
        }
        List<String> servers = IntStream.range(0, SERVERS).mapToObj(s -> String.format("server_%02d", s)).toList();
        client.start(new ServerMetricSource(SERVER_KEY, servers), SERVER_BATCH_EVERY);
        report.figure("Load", PLAYERS + " players from " + PLAYER_THREADS + " client threads (a batch of " + PLAYER_BATCH
                + " every " + PLAYER_BATCH_EVERY.toMillis() + " ms each), " + SERVERS + " servers from one (a sample each every "
                + SERVER_BATCH_EVERY.toMillis() + " ms): about " + (PLAYER_THREADS * PLAYER_BATCH * 1000 / PLAYER_BATCH_EVERY.toMillis()
                + SERVERS * 1000 / SERVER_BATCH_EVERY.toMillis()) + " events/s");
    }

    private static void loadFor(long events) {
        long target = acknowledged.count() + events;
        await(events + " more events acknowledged").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> acknowledged.count() >= target);
    }

    private static AvailabilityProbe probe(String name, String url) {
        AvailabilityProbe probe = new AvailabilityProbe(name, url);
        probes.add(probe);
        return probe;
    }

    /** Kills the service, starts it again at once, and measures from the new process's start to its first good answer. */
    private static void killAndRestart(ServiceJar service, AvailabilityProbe probe, String goodAnswer, Duration bound)
            throws Exception {
        service.kill();
        service.start();
        long started = service.startedNanos();
        long answered = await(service.name() + " answers after its restart").atMost(MEASURE_WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    assertTrue(service.isAlive(), () -> service.name() + " exited after its restart; see " + service.logFile());
                    return probe.firstOkSentAfter(started);
                }, OptionalLong::isPresent).getAsLong();
        report.recovery(service.name(), goodAnswer, Duration.ofNanos(answered - started), bound);
    }

    /**
     * Kills the broker and starts it again at once on its data: measures when it answers an admin call, when ingest
     * acknowledges again, and when the Streams services, which stayed up, count what was acknowledged since.
     */
    private static void killAndRestartBroker() throws Exception {
        Instant sampleBefore = acknowledged.latestServerSample();
        broker.kill();
        broker.start();
        long started = broker.startedNanos();
        long adminAnswered = await("the restarted broker answers an admin call").atMost(MEASURE_WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    assertTrue(broker.isAlive(), () -> "the broker exited after its restart; see " + broker.logFile());
                    return broker.answersAdminCalls() ? System.nanoTime() : 0L;
                }, time -> time > 0);
        long acknowledgedAgain = await("ingest acknowledges a request sent after the broker's restart").atMost(MEASURE_WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> requests.firstAcknowledgedSentAfter(started), OptionalLong::isPresent).getAsLong();
        report.recovery("Kafka broker", "first 200 from ingest to a request sent after the restart (an admin call "
                        + "answered " + RecoveryReport.seconds(Duration.ofNanos(adminAnswered - started)) + " after it)",
                Duration.ofNanos(acknowledgedAgain - started), Recovery.RESTARTED_BROKER_WITHIN);

        long playerEvents = acknowledged.count(Topics.PLAYER_EVENTS);
        Instant sampleAfter = await("a server sample acknowledged after the broker's restart").atMost(MEASURE_WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(acknowledged::latestServerSample, time -> time.isAfter(sampleBefore));
        long engagementCounts = await("engagement counts the events acknowledged since the broker's restart")
                .atMost(MEASURE_WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> engagementEventTotal() >= playerEvents ? System.nanoTime() : 0L, time -> time > 0);
        long metricsCurrent = await("metrics shows a sample acknowledged after the broker's restart")
                .atMost(MEASURE_WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> !metricsStreamTime().isBefore(sampleAfter) ? System.nanoTime() : 0L, time -> time > 0);
        report.recovery("engagement-service (stayed up) after the broker's restart", "counts every player event "
                        + "acknowledged up to ingest's first 200", Duration.ofNanos(engagementCounts - started),
                Recovery.STREAMS_AFTER_BROKER_RESTART_WITHIN);
        report.recovery("metrics-service (stayed up) after the broker's restart", "shows a sample acknowledged after the restart",
                Duration.ofNanos(metricsCurrent - started), Recovery.STREAMS_AFTER_BROKER_RESTART_WITHIN);
    }

    /** How long each service did not answer from the kill until the end of the load that followed the restart. */
    private static void observeOutages(String killed, long fromNanos) {
        long to = System.nanoTime();
        StringBuilder line = new StringBuilder("After the kill of " + killed + ", the longest time without a good answer:");
        for (AvailabilityProbe probe : probes) {
            line.append(' ').append(probe.name()).append(' ')
                    .append(RecoveryReport.seconds(probe.longestOutage(fromNanos, to))).append(',');
        }
        line.setLength(line.length() - 1);
        report.observe(line.toString());
    }

    /** The sum of events over every (level, map) cell, or -1 while engagement does not answer. */
    private static long engagementEventTotal() {
        Response response = given().get(engagement.url("/v1/engagement/levels"));
        if (response.statusCode() != 200) {
            return -1;
        }
        return engagementCells(response.jsonPath()).values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<String, Long> engagementCells(JsonPath levels) {
        Map<String, Long> cells = new TreeMap<>();
        List<Map<String, Object>> list = levels.getList("levels");
        for (Map<String, Object> cell : list) {
            cells.put(SentEvent.cell((String) cell.get("level_id"), (String) cell.get("map_id")),
                    ((Number) cell.get("events")).longValue());
        }
        return cells;
    }

    /** metrics-service's stream time (as_of): the latest sample time it processed; the epoch while it has none. */
    private static Instant metricsStreamTime() {
        Response response = given().get(metrics.url("/v1/servers"));
        String asOf = response.statusCode() == 200 ? response.jsonPath().getString("as_of") : null;
        return asOf == null ? Instant.EPOCH : Instant.parse(asOf);
    }

    private static void engagementCountsEachAcknowledgedEventOnce() {
        Map<String, Long> cells = acknowledged.eventsByCell();
        await("engagement's events per level and map equal the acknowledged ones").atMost(ANALYTICS_WAIT)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertEquals(cells, engagementCells(given().get(engagement.url("/v1/engagement/levels"))
                        .then().statusCode(200).extract().jsonPath()), "events per level_id|map_id"));
        Map<String, Long> players = acknowledged.eventsByPlayer();
        assertEquals(PLAYERS, players.size(), "players with acknowledged events");
        await("each player's session_events equal the player's acknowledged events").atMost(ANALYTICS_WAIT)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, String> wrong = new TreeMap<>();
                    players.forEach((player, events) -> {
                        Response answer = given().get(engagement.url("/v1/engagement/players/" + player));
                        long shown = answer.statusCode() == 200 ? answer.jsonPath().getLong("session_events") : -1;
                        if (shown != events) {
                            wrong.put(player, "shown " + (shown < 0 ? "HTTP " + answer.statusCode() : shown)
                                    + ", acknowledged " + events);
                        }
                    });
                    assertEquals(Map.of(), wrong, wrong.size() + " players counted wrong");
                });
        given().get(engagement.url("/v1/engagement/active-players")).then().statusCode(200)
                .body("windows.'1h'.total", equalTo(PLAYERS));
    }

    private static void metricsShowsEachServersLatestSample() {
        Map<String, Instant> latest = acknowledged.latestByServer();
        assertEquals(SERVERS, latest.size(), "servers with acknowledged samples");
        await("each server's last_seen is its latest acknowledged sample's time").atMost(ANALYTICS_WAIT)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, String> wrong = new TreeMap<>();
                    latest.forEach((server, time) -> {
                        Response answer = given().get(metrics.url("/v1/servers/" + server));
                        String lastSeen = answer.statusCode() == 200 ? answer.jsonPath().getString("last_seen") : null;
                        if (lastSeen == null || !Instant.parse(lastSeen).equals(time)) {
                            wrong.put(server, "shown " + (lastSeen == null ? "HTTP " + answer.statusCode() : lastSeen)
                                    + ", acknowledged " + time);
                        }
                    });
                    assertEquals(Map.of(), wrong, wrong.size() + " servers with a wrong last_seen");
                });
    }

    private static void recordFigures(TopicEventIds playerTopic, TopicEventIds serverTopic, int lost) {
        report.figure("Events acknowledged (200 answers)", acknowledged.count() + " (" + acknowledged.count(Topics.PLAYER_EVENTS)
                + " player events, " + acknowledged.count(Topics.SERVER_METRICS) + " server samples)");
        report.figure("Acknowledged events missing from the topics (lost)", lost);
        report.figure("Records on the topics", (playerTopic.records() + serverTopic.records()) + " ("
                + Topics.PLAYER_EVENTS + " " + playerTopic.records() + ", " + Topics.SERVER_METRICS + " " + serverTopic.records() + ")");
        report.figure("Copies on the topics (records beyond the first of an event id)", (playerTopic.copies() + serverTopic.copies())
                + " (of " + (playerTopic.idsWithCopies() + serverTopic.idsWithCopies()) + " events)");
        report.figure("Requests to ingest", requests.sent() + " (" + requests.count(IngestRequestLog.Outcome.ACKNOWLEDGED)
                + " answered 200)");
        report.figure("Requests refused, the batch sent again", requests.refused() + " ("
                + requests.count(IngestRequestLog.Outcome.UNAVAILABLE) + " answered 503, "
                + requests.count(IngestRequestLog.Outcome.CONNECTION_FAILED) + " connection refused or reset, "
                + requests.count(IngestRequestLog.Outcome.TIMED_OUT) + " timed out after "
                + ResendingLoadClient.REQUEST_TIMEOUT.toSeconds() + " s)");
        report.figure("Other answers (429, 4xx, 5xx)", requests.count(IngestRequestLog.Outcome.UNEXPECTED));
        report.figure("Longest wait for an answer from ingest", RecoveryReport.seconds(requests.maxWait())
                + " (bound: " + RecoveryReport.seconds(MAX_REQUEST_WAIT) + ")");
    }

    private static List<String> missing(Set<String> acknowledgedIds, TopicEventIds topic) {
        return acknowledgedIds.stream().filter(id -> !topic.contains(id)).sorted().toList();
    }

    private static <T> List<T> firstOf(List<T> list) {
        return list.subList(0, Math.min(10, list.size()));
    }
}

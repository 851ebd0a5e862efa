import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end latency through GameFlow while it carries its load, in two probes, one after the other:
 * <ol>
 *   <li>player: posts one player_action of a new player to ingest, then asks engagement-service
 *   GET /v1/engagement/players/{id} every POLL_MS until it answers 200; latency = from ingest's 200 to that answer;</li>
 *   <li>alert: posts cpu_load 99 samples of a new server spanning 25 s of event time (not yet the 30 s of
 *   metrics-service's cpu_critical rule), then the sample that completes the 30 s; latency = from ingest's 200 for
 *   that last sample to the firing cpu_critical record of that server on server-alerts (read_committed).</li>
 * </ol>
 * Run as a single-file program:
 * java -cp <kafka-clients...> bench/src/EndToEndProbe.java INGEST_URL API_KEY ENGAGEMENT_URL BOOTSTRAP PLAYER_PROBES
 * ALERT_PROBES PAUSE_MS. Prints one JSON object: per probe n, timeouts, p50, p99, max (ms), on stdout.
 */
public class EndToEndProbe {

    private static final long POLL_MS = 5;
    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    /** after this many probes in a row that timed out, the pipeline is not keeping up: stop that probe */
    private static final int MAX_TIMEOUTS_IN_A_ROW = 3;
    private static final Pattern SERVER = Pattern.compile("\"server_id\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String ingestUrl;
    private final String apiKey;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    /** server_id -> nanoTime when its firing cpu_critical alert was read from server-alerts */
    private final Map<String, Long> alertsSeen = new ConcurrentHashMap<>();

    EndToEndProbe(String ingestUrl, String apiKey) {
        this.ingestUrl = ingestUrl;
        this.apiKey = apiKey;
    }

    public static void main(String[] args) throws Exception {
        EndToEndProbe probe = new EndToEndProbe(args[0], args[1]);
        String engagementUrl = args[2];
        String bootstrap = args[3];
        int playerProbes = Integer.parseInt(args[4]);
        int alertProbes = Integer.parseInt(args[5]);
        long pauseMs = Long.parseLong(args[6]);
        Thread reader = probe.startAlertReader(bootstrap);
        String players = probe.playerProbes(engagementUrl, playerProbes, pauseMs);
        String alerts = probe.alertProbes(alertProbes, pauseMs);
        reader.interrupt();
        System.out.printf("{\"player_visible\": %s, \"alert_on_topic\": %s}%n", players, alerts);
    }

    private String playerProbes(String engagementUrl, int n, long pauseMs) throws Exception {
        List<Double> latencies = new ArrayList<>();
        int timeouts = 0;
        int inARow = 0;
        for (int i = 0; i < n; i++) {
            String player = "e2e_" + run + "_" + i;
            String event = "{\"event_name\":\"player_action\",\"parameters\":{\"player_id\":\"" + player
                    + "\",\"session_id\":\"e2e_session_" + run + "_" + i + "\",\"event_type\":\"move\",\"level_id\":\"level_01\","
                    + "\"map_id\":\"map_01\"},\"event_timestamp\":\"" + Instant.now() + "\",\"user_data\":{\"user_id\":\""
                    + player + "\",\"platform\":\"PC\"}}";
            long acked = post(event);
            HttpRequest ask = HttpRequest.newBuilder(URI.create(engagementUrl + "/v1/engagement/players/" + player)).GET().build();
            long deadline = acked + GIVE_UP.toNanos();
            Long seen = null;
            while (seen == null && System.nanoTime() < deadline) {
                if (http.send(ask, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    seen = System.nanoTime();
                } else {
                    Thread.sleep(POLL_MS);
                }
            }
            if (seen == null) {
                timeouts++;
                if (++inARow >= MAX_TIMEOUTS_IN_A_ROW) {
                    System.err.printf("[bench]   player probes: %d timeouts (%s) in a row, stopping them%n", inARow, GIVE_UP);
                    break;
                }
            } else {
                inARow = 0;
                latencies.add((seen - acked) / 1e6);
            }
            progress("player", i + 1, n, latencies);
            Thread.sleep(pauseMs);
        }
        return summary(latencies, timeouts);
    }

    private String alertProbes(int n, long pauseMs) throws Exception {
        List<Double> latencies = new ArrayList<>();
        int timeouts = 0;
        int inARow = 0;
        for (int i = 0; i < n; i++) {
            String server = "e2e-" + run + "-" + i;
            Instant end = Instant.now();
            StringBuilder before = new StringBuilder();
            for (int s = 30; s >= 5; s -= 5) {
                before.append(sample(server, end.minusSeconds(s))).append('\n');
            }
            post(before.toString());
            long acked = post(sample(server, end));
            long deadline = acked + GIVE_UP.toNanos();
            while (!alertsSeen.containsKey(server) && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            Long seen = alertsSeen.get(server);
            if (seen == null) {
                timeouts++;
                if (++inARow >= MAX_TIMEOUTS_IN_A_ROW) {
                    System.err.printf("[bench]   alert probes: %d timeouts (%s) in a row, stopping them%n", inARow, GIVE_UP);
                    break;
                }
            } else {
                inARow = 0;
                latencies.add((seen - acked) / 1e6);
            }
            progress("alert", i + 1, n, latencies);
            Thread.sleep(pauseMs);
        }
        return summary(latencies, timeouts);
    }

    private static String sample(String server, Instant at) {
        return "{\"event_name\":\"server_metric\",\"parameters\":{\"server_id\":\"" + server + "\",\"cpu_load\":99.0,"
                + "\"memory_usage\":40.0,\"latency\":50.0},\"event_timestamp\":\"" + at + "\",\"server_data\":"
                + "{\"region\":\"eu-central\",\"server_type\":\"dedicated\"}}";
    }

    /** Posts NDJSON to ingest; returns System.nanoTime() when the 200 arrived. */
    private long post(String ndjson) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/v1/events"))
                .header("X-API-Key", apiKey).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        long at = System.nanoTime();
        if (answer.statusCode() != 200 || !answer.body().contains("\"rejected\":0")) {
            throw new IllegalStateException("ingest answered " + answer.statusCode() + ": " + answer.body());
        }
        return at;
    }

    private Thread startAlertReader(String bootstrap) throws InterruptedException {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor("server-alerts").stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before any probe is sent
        Thread reader = new Thread(() -> {
            try (consumer) {
                while (!Thread.currentThread().isInterrupted()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        if (r.value().contains("\"cpu_critical\"") && r.value().contains("\"firing\"")) {
                            Matcher m = SERVER.matcher(r.value());
                            if (m.find()) {
                                alertsSeen.putIfAbsent(m.group(1), now);
                            }
                        }
                    }
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                // stopping
            }
        }, "alert-reader");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static void progress(String what, int done, int n, List<Double> latencies) {
        if (done % Math.max(1, n / 5) == 0 || done == n) {
            System.err.printf("[bench]   %s probes: %d of %d, latest %s ms%n", what, done, n,
                    latencies.isEmpty() ? "-" : String.format("%.0f", latencies.get(latencies.size() - 1)));
        }
    }

    private static String summary(List<Double> latencies, int timeouts) {
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return String.format("{\"n\": %d, \"timeouts\": %d, \"p50_ms\": %s, \"p99_ms\": %s, \"max_ms\": %s}",
                sorted.size(), timeouts, json(percentile(sorted, 50)), json(percentile(sorted, 99)), json(percentile(sorted, 100)));
    }

    private static String json(double value) {
        return Double.isNaN(value) ? "null" : String.format("%.1f", value);
    }

    /** nearest-rank percentile */
    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}

package io.gameflow.e2e;

import io.gameflow.events.Topics;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * server_metric samples: one per game server and batch, all stamped with the time the batch was made, so each server's
 * latest sample is that of the latest batch acknowledged.
 */
final class ServerMetricSource implements BatchSource {

    private final String apiKey;
    private final List<String> servers;

    ServerMetricSource(String apiKey, List<String> servers) {
        this.apiKey = apiKey;
        this.servers = List.copyOf(servers);
    }

    @Override
    public EventBatch next() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<SentEvent> events = new ArrayList<>(servers.size());
        StringBuilder body = new StringBuilder("[");
        for (String server : servers) {
            String id = UUID.randomUUID().toString();
            if (body.length() > 1) {
                body.append(',');
            }
            body.append("{\"event_id\":\"").append(id)
                    .append("\",\"event_name\":\"server_metric\",\"parameters\":{\"server_id\":\"").append(server)
                    .append("\",\"cpu_load\":").append(20 + random.nextInt(40))
                    .append(",\"memory_usage\":").append(30 + random.nextInt(30))
                    .append(",\"latency\":").append(20 + random.nextInt(60))
                    .append("},\"event_timestamp\":\"").append(now)
                    .append("\",\"server_data\":{\"region\":\"eu-central\",\"server_type\":\"virtual\"}}");
            events.add(new SentEvent(id, Topics.SERVER_METRICS, server, null, now));
        }
        return new EventBatch(apiKey, body.append(']').toString(), events);
    }
}

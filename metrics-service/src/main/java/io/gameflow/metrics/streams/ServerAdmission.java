package io.gameflow.metrics.streams;

import io.gameflow.metrics.domain.ServerSample;
import io.gameflow.metrics.observability.MetricsMeters;
import io.gameflow.metrics.domain.ServerLimits;
import io.gameflow.metrics.domain.ServerState;
import io.gameflow.streams.support.input.Reading;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Lets a sample through to the health branches unless it is the first of a server and this instance already tracks
 * {@code gameflow.metrics.max-servers} servers: then it goes to the dead-letter topic with the reason, and is counted.
 * Known servers always get through, so a flood of made-up ids can fill the cap but never push out a real server.
 * Only at the cap is the store asked whether the server is known, so that normal samples cost no extra read.
 */
final class ServerAdmission implements FixedKeyProcessor<String, Reading<ServerSample>, Reading<ServerSample>> {

    private final ServerLimits limits;
    private final MetricsMeters meters;
    private FixedKeyProcessorContext<String, Reading<ServerSample>> context;
    private KeyValueStore<String, ServerState> servers;

    ServerAdmission(ServerLimits limits, MetricsMeters meters) {
        this.limits = limits;
        this.meters = meters;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Reading<ServerSample>> context) {
        this.context = context;
        this.servers = context.getStateStore(MetricsTopology.SERVER_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, Reading<ServerSample>> record) {
        long tracked = meters.census().servers();
        if (tracked < limits.maxServers() || servers.get(record.key()) != null) {
            context.forward(record);
            return;
        }
        meters.refused();
        context.forward(record.withValue(Reading.unusable(record.value().raw(),
                "server '" + record.key() + "' is new and this instance already tracks " + tracked
                        + " servers, the most it may (gameflow.metrics.max-servers " + limits.maxServers() + ")")));
    }
}

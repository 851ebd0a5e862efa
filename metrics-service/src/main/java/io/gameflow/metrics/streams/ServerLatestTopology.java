package io.gameflow.metrics.streams;

import io.gameflow.events.EventJson;
import io.gameflow.events.Topics;
import io.gameflow.metrics.domain.ServerSample;
import io.quarkus.kafka.client.serialization.ObjectMapperSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * {@code server-metrics} to the latest sample of every server, by event time, in the queryable store
 * {@value #STORE}. A plain method, so {@code TopologyTestDriver} tests it without Quarkus.
 */
public final class ServerLatestTopology {

    /** Key: server_id; value: {@link ServerSample}. */
    public static final String STORE = "server-latest";

    private ServerLatestTopology() {
    }

    public static Topology build(SkippedRecords skipped) {
        ObjectMapperSerde<ServerSample> sampleSerde = new ObjectMapperSerde<>(ServerSample.class, EventJson.mapper());
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.SERVER_METRICS, Consumed.with(Serdes.String(), Serdes.String()))
                .flatMapValues(new ServerMetricParser(skipped))
                // the key stays server_id, so grouping needs no repartition topic
                .groupByKey(Grouped.with(Serdes.String(), sampleSerde))
                .reduce(ServerSample::latest,
                        Materialized.<String, ServerSample, KeyValueStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(sampleSerde));
        return builder.build();
    }
}

package io.gameflow.streams.support.input;

import io.gameflow.events.ServerMetricEvent;
import io.gameflow.events.time.ClockSkew;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ReadInput and DeadLetters in a topology, as the services wire them. */
class DeadLettersTest {

    private final AtomicInteger deadLettered = new AtomicInteger();
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> input;
    private TestOutputTopic<String, String> dead;
    private TestOutputTopic<String, String> usable;

    @BeforeEach
    void build() {
        InputReader<ServerMetricEvent, ServerMetricEvent> reader = new InputReader<>(ServerIds.KIND, Duration.ofDays(2),
                new ClockSkew(Duration.ofMinutes(2)), () -> { });
        StreamsBuilder builder = new StreamsBuilder();
        Map<String, KStream<String, Reading<ServerMetricEvent>>> read = builder
                .stream("input", Consumed.with(Serdes.String(), Serdes.String()))
                .processValues(() -> new ReadInput<>(reader), Named.as("read"))
                .split(Named.as("records-"))
                .branch((key, reading) -> reading.isUsable(), Branched.as("usable"))
                .defaultBranch(Branched.as("unusable"));
        read.get("records-unusable").process(() -> new DeadLetters<ServerMetricEvent>(deadLettered::incrementAndGet))
                .to("input-dlq", Produced.with(Serdes.String(), Serdes.String()));
        read.get("records-usable").mapValues(reading -> reading.value().parameters().serverId())
                .to("usable", Produced.with(Serdes.String(), Serdes.String()));
        driver = new TopologyTestDriver(builder.build(), Instant.parse("2026-01-01T12:00:00Z"));
        input = driver.createInputTopic("input", new StringSerializer(), new StringSerializer());
        dead = driver.createOutputTopic("input-dlq", new StringDeserializer(), new StringDeserializer());
        usable = driver.createOutputTopic("usable", new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void anUnusableRecordGoesAsReceivedWithWhyAndWhereFrom() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("event_id", "e-1".getBytes(StandardCharsets.UTF_8));
        input.pipeInput(new TestRecord<>("server_1", "{not json", headers, Instant.parse("2026-01-01T12:00:00Z")));

        TestRecord<String, String> letter = dead.readRecord();
        assertEquals("server_1", letter.key());
        assertEquals("{not json", letter.value());
        assertEquals("e-1", only(letter, "event_id"));
        assertEquals("input", only(letter, DeadLetters.TOPIC));
        assertEquals("0", only(letter, DeadLetters.PARTITION));
        assertEquals("0", only(letter, DeadLetters.OFFSET));
        assertEquals(1, deadLettered.get());
        assertEquals(true, usable.isEmpty());
    }

    @Test
    void aDeadLetterSentAgainCarriesOneReasonAndOneOriginTheLatest() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetters.ERROR, "an older reason".getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetters.TOPIC, "somewhere-else".getBytes(StandardCharsets.UTF_8));
        input.pipeInput(new TestRecord<>("someone-else", ServerIds.sample("server_1", "2026-01-01T11:59:00Z"), headers,
                Instant.parse("2026-01-01T12:00:00Z")));

        TestRecord<String, String> letter = dead.readRecord();
        assertEquals("record key 'someone-else' is not parameters.server_id 'server_1'", only(letter, DeadLetters.ERROR));
        assertEquals("input", only(letter, DeadLetters.TOPIC));
    }

    @Test
    void aUsableRecordGoesOn() {
        input.pipeInput("server_1", ServerIds.sample("server_1", "2026-01-01T11:59:00Z"));

        assertEquals("server_1", usable.readValue());
        assertEquals(true, dead.isEmpty());
        assertEquals(0, deadLettered.get());
    }

    private static String only(TestRecord<String, String> record, String header) {
        List<Header> all = StreamSupport.stream(record.headers().headers(header).spliterator(), false).toList();
        assertEquals(1, all.size(), header + " once");
        return new String(all.get(0).value(), StandardCharsets.UTF_8);
    }
}

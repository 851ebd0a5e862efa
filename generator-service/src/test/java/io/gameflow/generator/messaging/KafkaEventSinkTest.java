package io.gameflow.generator.messaging;

import io.gameflow.events.EventKind;
import io.gameflow.generator.domain.SentKpis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.gameflow.generator.TestEvents.action;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Only what Kafka acknowledged counts, in the status and in the truth's KPIs; a failed send counts nowhere. */
class KafkaEventSinkTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void moreEventsInFlightThanAnEmitterBuffersRefuseToStartNamingBothSettings() {
        assertEquals(32_768, KafkaEventSink.withinEmitterBuffer(32_768, 32_768));
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> KafkaEventSink.withinEmitterBuffer(40_000, 32_768));
        org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains("GAMEFLOW_GENERATOR_KAFKA_MAX_IN_FLIGHT")
                && refused.getMessage().contains("MP_MESSAGING_EMITTER_DEFAULT_BUFFER_SIZE"), refused.getMessage());
    }

    @Test
    void aFailedSendDoesNotCount() {
        SentKpis kpis = new SentKpis(ZoneOffset.UTC);
        SendStats stats = new SendStats(new SimpleMeterRegistry(), kpis);
        // the broker takes everything but p2's events
        MutinyEmitter<String> players = emitter(payload -> !payload.contains("\"p2\""));
        KafkaEventSink sink = new KafkaEventSink(players, emitter(payload -> true), emitter(payload -> true), stats, 100);

        sink.send(List.of(action("p1", T), action("p2", T), action("p2", T.plusSeconds(1)), action("p3", T.plusSeconds(2))));

        assertEquals(0, sink.backlog());
        assertEquals(2, stats.sendErrors());
        assertEquals(2L, stats.deliveredPerTopic().get(EventKind.PLAYER_ACTION.defaultTopic()));
        SentKpis.KpiDay day = kpis.kpis().days().get(0);
        assertEquals(2, day.dau(), "p1 and p3; p2's events failed");
        assertEquals(2, day.newPlayers());
    }


    /** An emitter whose sends succeed at once when {@code accepts} says so and fail at once otherwise. */
    @SuppressWarnings("unchecked")
    private static MutinyEmitter<String> emitter(java.util.function.Predicate<String> accepts) {
        return (MutinyEmitter<String>) Proxy.newProxyInstance(KafkaEventSinkTest.class.getClassLoader(),
                new Class<?>[] {MutinyEmitter.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendMessage")) {
                        String payload = ((Message<String>) args[0]).getPayload();
                        return accepts.test(payload) ? Uni.createFrom().voidItem()
                                : Uni.createFrom().failure(new IllegalStateException("broker refused"));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}

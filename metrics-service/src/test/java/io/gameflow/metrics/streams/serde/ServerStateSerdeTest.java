package io.gameflow.metrics.streams.serde;

import io.gameflow.events.EventJson;
import io.gameflow.metrics.domain.Alert;
import io.gameflow.metrics.domain.Point;
import io.gameflow.metrics.domain.RuleState;
import io.gameflow.metrics.domain.SampleTime;
import io.gameflow.metrics.domain.ServerSample;
import io.gameflow.metrics.domain.ServerState;
import io.gameflow.streams.support.serde.JsonSerdes;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerStateSerdeTest {

    private static final Alert FIRING = new Alert("id-1", "server_cpu_high", "warning", "firing", "server", "s-ü",
            "eu-west", "dedicated", "cpu_load", 91.25, 90, "2024-11-12T10:15:00Z", null);

    private static ServerState state() {
        ServerSample latest = new ServerSample("s-ü", "eu-west", null, -0.0, 0.1, Double.MIN_VALUE,
                SampleTime.parse("2024-11-12T12:15:30.123456789+02:00"));
        Map<String, RuleState> rules = new TreeMap<>(Map.of("server_cpu_high", new RuleState(1_731_406_500_000L, FIRING),
                "a_rule_first", new RuleState(null, null), "server_latency_high", new RuleState(5L, null)));
        Alert silent = Alert.silent("server_silent", "critical", io.gameflow.metrics.domain.Subject.server(latest), 31.5,
                30, 1_731_406_530_123L);
        return new ServerState(latest, List.of(new Point(1, 0.1 + 0.2, 1e-300, 7), new Point(2, 50, 50, 1e300)),
                rules, silent);
    }

    private static ServerState compact(ServerState state) {
        return ServerStateSerde.SERDE.deserialize("t", ServerStateSerde.SERDE.serialize("t", state));
    }

    /** The JSON store read back what it wrote; the compact one must read back the very same. */
    @Test
    void readsBackWhatTheJsonStoreReadBack() throws Exception {
        Serde<ServerState> json = JsonSerdes.of(ServerState.class);
        ServerState state = state();
        ServerState viaJson = json.deserializer().deserialize("t", json.serializer().serialize("t", state));

        ServerState viaCompact = compact(state);
        assertEquals(viaJson, viaCompact);
        assertEquals(state, viaCompact);
        assertEquals(List.copyOf(viaJson.rules().keySet()), List.copyOf(viaCompact.rules().keySet()), "rules in order");
        assertEquals(EventJson.mapper().writeValueAsString(viaJson), EventJson.mapper().writeValueAsString(viaCompact),
                "every double bit for bit, -0.0 too");
        assertEquals(state.latest().lastSeenTime(), viaCompact.latest().lastSeenTime());
    }

    @Test
    void aFirstStateWithNothingFiringComesBack() {
        ServerState first = ServerState.first(new ServerSample("s-1", "r", "t", 1, 2, 3,
                SampleTime.of(Instant.parse("1969-12-31T23:59:59.999Z"))));
        assertEquals(first, compact(first));
    }

    /** Not one prefix of a value reads as a value: every cut is refused, naming the store's value. */
    @Test
    void aValueCutAnywhereOrFromANewerVersionIsRefusedByName() {
        byte[] bytes = ServerStateSerde.SERDE.serialize("t", state());
        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            String refused = assertThrows(SerializationException.class, () -> ServerStateSerde.SERDE.deserialize("t", cut))
                    .getMessage();
            assertTrue(refused.contains("unreadable ServerState"), refused);
        }
        bytes[0] = 2;
        String newer = assertThrows(SerializationException.class, () -> ServerStateSerde.SERDE.deserialize("t", bytes))
                .getMessage();
        assertTrue(newer.contains("ServerState written as version 2"), newer);
    }
}

package io.gameflow.metrics.api;

import io.gameflow.metrics.query.Fleet;
import io.gameflow.metrics.query.HealthStores;
import io.gameflow.metrics.query.ServerPage;
import io.gameflow.events.EventJson;
import io.gameflow.events.ServerMetricEvent;
import io.gameflow.metrics.ServerMetricJson;
import io.gameflow.metrics.domain.ServerSample;
import io.gameflow.metrics.domain.ServerState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pages merged over instances: every server once, in id order, and the last page says so. */
class FleetPagingTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void pagingOverInstancesThatEachHoldPartOfTheFleetVisitsEveryServerOnceAndEnds() {
        // three instances holding interleaved ids, as partitions spread them; ids with non-ASCII letters too
        List<List<ServerState>> instances = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<String> all = new ArrayList<>();
        IntStream.range(0, 1_000).forEach(i -> {
            String id = (i % 7 == 0 ? "é-" : "s-") + i;
            all.add(id);
            instances.get(i % 3).add(server(id, i));
        });
        instances.forEach(held -> held.sort((a, b) -> HealthStores.SERVER_ID_ORDER.compare(id(a), id(b))));

        List<String> visited = new ArrayList<>();
        String after = null;
        int pages = 0;
        while (true) {
            assertTrue(++pages <= 20, "paging ends");
            String from = after;
            List<ServerPage> parts = instances.stream()
                    .map(held -> new ServerPage(held.stream().filter(s -> from == null
                            || HealthStores.SERVER_ID_ORDER.compare(id(s), from) > 0).limit(101).toList(), T0.toEpochMilli()))
                    .toList();
            Fleet.Page page = Fleet.Page.of(parts, 100);
            assertTrue(page.servers().size() <= 100);
            page.servers().forEach(s -> visited.add(id(s)));
            if (!page.more()) {
                break;
            }
            after = ServerPaging.after(ServerPaging.cursor(id(page.servers().get(page.servers().size() - 1))));
        }
        assertEquals(10, pages);
        assertEquals(all.size(), visited.size(), "no server twice");
        assertEquals(all.stream().sorted(HealthStores.SERVER_ID_ORDER).toList(), visited, "each once, in id order");
    }

    @Test
    void asOfIsTheLatestOfTheInstancesAndNullBeforeAnySample() {
        assertEquals(T0.plusSeconds(9), Fleet.Page.of(List.of(new ServerPage(List.of(), T0.toEpochMilli()),
                new ServerPage(List.of(), T0.plusSeconds(9).toEpochMilli()), new ServerPage(List.of(), null)), 10).asOf());
        assertNull(Fleet.Page.of(List.of(new ServerPage(List.of(), null)), 10).asOf());
    }

    @Test
    void aCursorIsOnlyWhatTheApiGave() {
        assertEquals("server_1", ServerPaging.after(ServerPaging.cursor("server_1")));
        assertNull(ServerPaging.after(null));
        for (String bad : List.of("not base64!", "AAAA", "c2VydmVyXzE=")) {
            assertThrows(jakarta.ws.rs.BadRequestException.class, () -> ServerPaging.after(bad), bad);
        }
    }

    private static String id(ServerState server) {
        return server.latest().serverId();
    }

    private static ServerState server(String id, int second) {
        ServerMetricEvent event = EventJson.mapper().convertValue(
                EventJson.readTree(ServerMetricJson.event(id, 50, T0.plusSeconds(second))), ServerMetricEvent.class);
        return ServerState.first(ServerSample.of(event));
    }
}

package io.gameflow.streams.support.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.sun.net.httpserver.HttpServer;
import io.gameflow.events.PeerKey;
import io.gameflow.events.ReadKeys;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A peer on the loopback interface that answers what each test puts in {@link #answers}. */
class PeerClientTest {

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() { };
    private final Map<String, Integer> statusByPath = new ConcurrentHashMap<>();
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private HttpServer peer;
    private String address;

    @BeforeEach
    void startPeer() throws IOException {
        peer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        peer.createContext("/", exchange -> {
            String rawPath = exchange.getRequestURI().getRawPath();
            seen.put("raw-path", rawPath);
            seen.put("path", exchange.getRequestURI().getPath());
            Optional.ofNullable(exchange.getRequestHeaders().getFirst(PeerKey.HEADER)).ifPresent(key -> seen.put("peer-key", key));
            Optional.ofNullable(exchange.getRequestHeaders().getFirst(ReadKeys.HEADER)).ifPresent(key -> seen.put("read-key", key));
            int status = statusByPath.getOrDefault(exchange.getRequestURI().getPath(), 200);
            byte[] body = (status == 200 ? "{\"answer\":\"yes\"}" : "{\"error\":\"no\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        peer.start();
        address = "127.0.0.1:" + peer.getAddress().getPort();
    }

    @AfterEach
    void stopPeer() {
        peer.stop(0);
    }

    private static PeerClient client(boolean keysOn) {
        return new PeerClient(ReadKeys.of(keysOn, keysOn ? List.of("peers:a-read-key-long-enough") : List.of(), "READ_KEYS"),
                PeerKey.of(keysOn, keysOn ? Optional.of("a-peer-key-long-enough") : Optional.empty(), "PEER_KEY"));
    }

    @Test
    void aKeyGoesAsOneEncodedPathSegmentWhateverItHolds() {
        String key = "a/b c%d-é";

        assertEquals(Optional.of(Map.of("answer", "yes")),
                client(false).ask(address, "/internal/v1/servers/" + PeerClient.segment(key), MAP));

        assertEquals("/internal/v1/servers/a%2Fb%20c%25d-%C3%A9", seen.get("raw-path"));
        assertEquals("/internal/v1/servers/" + key, seen.get("path"), "the peer reads the key back as it was");
    }

    @Test
    void sendsThePeerKeyAndItsOwnReadKeyWhenTheyAreOn() {
        client(true).ask(address, "/internal/v1/cells", MAP);

        assertEquals("a-peer-key-long-enough", seen.get("peer-key"));
        assertEquals("a-read-key-long-enough", seen.get("read-key"));
    }

    @Test
    void sendsNoKeysWhenTheyAreOff() {
        client(false).ask(address, "/internal/v1/cells", MAP);

        assertTrue(!seen.containsKey("peer-key") && !seen.containsKey("read-key"));
    }

    @Test
    void notFoundIsEmpty() {
        statusByPath.put("/internal/v1/servers/gone", 404);

        assertEquals(Optional.empty(), client(false).ask(address, "/internal/v1/servers/gone", MAP));
    }

    @Test
    void anyOtherAnswerOrNoneMakesTheStateNotReady() {
        statusByPath.put("/internal/v1/cells", 500);
        PeerUnavailableException failed = assertThrows(PeerUnavailableException.class,
                () -> client(false).ask(address, "/internal/v1/cells", MAP));
        assertTrue(failed.getMessage().contains("instance " + address + " holding part of the state did not answer"), failed.getMessage());
        assertInstanceOf(InvalidStateStoreException.class, failed, "answered as any state that cannot be read");

        peer.stop(0);
        assertThrows(PeerUnavailableException.class, () -> client(false).ask(address, "/internal/v1/cells", MAP));
    }
}

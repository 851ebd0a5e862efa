package io.gameflow.streams.support.http;

import io.gameflow.api.ErrorBody;
import io.gameflow.events.PeerKey;
import io.gameflow.events.ReadKeys;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyFiltersTest {

    private static final String PEER = "a-peer-key-long-enough";
    private final PeerKeyFilter peerFilter = new PeerKeyFilter(PeerKey.of(true, Optional.of(PEER), "PEER_KEY"));
    private final ReadKeyFilter readFilter = new ReadKeyFilter(ReadKeys.of(true, List.of("page:a-read-key-long-enough"), "READ_KEYS"));

    @Test
    void theInternalApiWithoutThePeerKeyIs403WhateverReadKeyItCarries() {
        Response refused = peerFilter.requirePeerKey(Requests.to("/internal/v1/cells",
                Map.of(ReadKeys.HEADER, "a-read-key-long-enough"))).orElseThrow();

        assertEquals(403, refused.getStatus());
        assertEquals("forbidden", ((ErrorBody) refused.getEntity()).error());
        assertTrue(peerFilter.requirePeerKey(Requests.to("/internal/v1/cells", Map.of(PeerKey.HEADER, PEER))).isEmpty());
        assertTrue(peerFilter.requirePeerKey(Requests.to("/v1/regions", Map.of())).isEmpty(), "the public API is not its business");
    }

    @Test
    void theApiWithoutAReadKeyIs401() {
        Response refused = readFilter.requireReadKey(Requests.to("/v1/regions", Map.of())).orElseThrow();

        assertEquals(401, refused.getStatus());
        assertEquals("unauthorized", ((ErrorBody) refused.getEntity()).error());
        assertTrue(readFilter.requireReadKey(Requests.to("/v1/regions", Map.of(ReadKeys.HEADER, "a-read-key-long-enough"))).isEmpty());
    }
}

package io.gameflow.metrics.api;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gameflow.events.EventJson;
import io.gameflow.events.ReadKeys;
import io.gameflow.metrics.domain.RegionState;
import io.gameflow.metrics.domain.ServerState;
import io.gameflow.metrics.streams.HealthStores;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.state.HostInfo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of the whole fleet, whichever instance holds it: this instance's stores, plus the other instances'
 * asked over HTTP ({@code /internal/v1/...}, with this instance's read key when read keys are on). A lookup by
 * server goes to the instance that owns the server.
 */
@ApplicationScoped
public class Fleet {

    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(2);
    private static final TypeReference<List<ServerState>> SERVERS = new TypeReference<>() { };
    private static final TypeReference<Map<String, RegionState>> REGIONS = new TypeReference<>() { };

    private final HealthStores stores;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PEER_TIMEOUT).build();
    private final ReadKeys readKeys;

    public Fleet(HealthStores stores, ReadKeys readKeys) {
        this.stores = stores;
        this.readKeys = readKeys;
    }

    public List<ServerState> servers() {
        List<ServerState> all = new ArrayList<>(stores.localServers());
        for (HostInfo peer : stores.otherInstances()) {
            all.addAll(ask(peer, InternalResource.SERVERS, SERVERS).orElse(List.of()));
        }
        return all;
    }

    public Optional<ServerState> server(String serverId) {
        Optional<HostInfo> owner = stores.remoteOwnerOf(serverId);
        if (owner.isEmpty()) {
            return stores.localServer(serverId);
        }
        return ask(owner.get(), InternalResource.SERVERS + "/" + serverId, new TypeReference<ServerState>() { });
    }

    public Map<String, RegionState> regions() {
        Map<String, RegionState> all = new LinkedHashMap<>(stores.localRegions());
        for (HostInfo peer : stores.otherInstances()) {
            all.putAll(ask(peer, InternalResource.REGIONS, REGIONS).orElse(Map.of()));
        }
        return all;
    }

    /** The stream time the servers imply: their latest sample; null before the first. */
    public static java.time.Instant asOf(List<ServerState> servers) {
        return servers.stream().map(s -> s.latest().lastSeenTime()).max(java.util.Comparator.naturalOrder()).orElse(null);
    }

    /** The peer's answer; empty on 404; throws when it does not answer. */
    <T> Optional<T> ask(HostInfo peer, String path, TypeReference<T> type) {
        String address = peer.host() + ":" + peer.port();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + address + path)).timeout(PEER_TIMEOUT).GET();
            // with read keys on, the other instances guard their internal API too
            readKeys.peerKey().ifPresent(key -> request.header(ReadKeys.HEADER, key));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new IOException("answered " + response.statusCode() + ": " + response.body());
            }
            return Optional.of(EventJson.mapper().readValue(response.body(), type));
        } catch (IOException e) {
            throw new PeerUnavailableException(address, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerUnavailableException(address, e);
        }
    }
}

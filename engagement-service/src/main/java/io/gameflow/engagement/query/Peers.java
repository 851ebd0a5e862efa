package io.gameflow.engagement.query;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gameflow.events.EventJson;
import io.gameflow.events.PeerKey;
import io.gameflow.events.ReadKeys;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks another instance for the state it holds ({@code /internal/v1/...}), with the peer key when it is on and this
 * instance's read key when read keys are on. An instance that does not answer makes
 * the whole answer 503 (Retry-After): a partial answer would be wrong without saying so.
 */
@ApplicationScoped
public class Peers {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ReadKeys readKeys;
    private final PeerKey peerKey;

    public Peers(ReadKeys readKeys, PeerKey peerKey) {
        this.readKeys = readKeys;
        this.peerKey = peerKey;
    }

    /** The peer's answer, empty on 404. */
    public <T> Optional<T> ask(String peer, String path, TypeReference<T> type) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + peer + path)).timeout(TIMEOUT).GET();
            // with read keys on, the other instances guard their internal API too
            readKeys.peerKey().ifPresent(key -> request.header(ReadKeys.HEADER, key));
            peerKey.header().ifPresent(key -> request.header(PeerKey.HEADER, key));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new IOException("answered " + response.statusCode());
            }
            return Optional.of(EventJson.mapper().readValue(response.body(), type));
        } catch (IOException e) {
            throw new InvalidStateStoreException("instance " + peer + " holding part of the state did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidStateStoreException("interrupted while asking " + peer);
        }
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package io.gameflow.streams.support.query;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gameflow.events.EventJson;
import io.gameflow.events.PeerKey;
import io.gameflow.events.ReadKeys;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks another instance for the state it holds ({@code /internal/v1/...}), with the peer key when it is on and this
 * instance's read key when read keys are on (docs/architecture.md, "Interactive queries across instances"). An
 * instance that does not answer within {@link #TIMEOUT} throws {@link PeerUnavailableException}: the whole answer is
 * then 503, never a partial one.
 */
@ApplicationScoped
public class PeerClient {

    public static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ReadKeys readKeys;
    private final PeerKey peerKey;

    public PeerClient(ReadKeys readKeys, PeerKey peerKey) {
        this.readKeys = readKeys;
        this.peerKey = peerKey;
    }

    /**
     * The peer's answer, empty on 404.
     *
     * @param peer host:port
     * @param path from the root, query included; a key in it goes through {@link #segment}
     */
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
                throw new IOException("answered " + response.statusCode() + ": " + response.body());
            }
            return Optional.of(EventJson.mapper().readValue(response.body(), type));
        } catch (IOException e) {
            throw new PeerUnavailableException(peer, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerUnavailableException(peer, e);
        }
    }

    /** A key as one path segment: ids may hold what a path would read otherwise ({@code /}, {@code %}, spaces). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package io.gameflow.generator.messaging;

import io.gameflow.events.EventKind;
import io.gameflow.generator.config.GeneratorConfig;

import java.util.Optional;

/**
 * Which API key each kind of event is posted with. Ingest's keys are scoped: a game client's key may send player
 * and purchase events, a game server's key server metrics, so the generator holds one of each, as the game would.
 * The single key of before stands in for whichever of the two is not set.
 */
final class IngestKeys {

    private final Optional<String> client;
    private final Optional<String> server;

    IngestKeys(Optional<String> common, Optional<String> client, Optional<String> server) {
        Optional<String> fallback = present(common);
        this.client = present(client).or(() -> fallback);
        this.server = present(server).or(() -> fallback);
    }

    static IngestKeys of(GeneratorConfig.Http config) {
        return new IngestKeys(config.apiKey(), config.clientApiKey(), config.serverApiKey());
    }

    /** Empty when no key is configured for the kind: then the request goes without one (ingest with auth off). */
    Optional<String> keyFor(EventKind kind) {
        return kind == EventKind.SERVER_METRIC ? server : client;
    }

    private static Optional<String> present(Optional<String> key) {
        return key.filter(value -> !value.isBlank());
    }
}

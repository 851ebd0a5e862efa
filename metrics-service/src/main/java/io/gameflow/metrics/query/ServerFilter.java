package io.gameflow.metrics.query;

import io.gameflow.metrics.domain.ServerState;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/** The servers a list asks for: of one region and/or in one status; null or blank means any. */
public record ServerFilter(String region, String status) implements Predicate<ServerState> {

    @Override
    public boolean test(ServerState server) {
        return (isAny(region) || region.equals(server.latest().region())) && (isAny(status) || status.equals(server.status()));
    }

    /** The filter as query parameters for a peer, e.g. {@code &region=us-west}. */
    String asQuery() {
        return (isAny(region) ? "" : "&region=" + encode(region)) + (isAny(status) ? "" : "&status=" + encode(status));
    }

    private static boolean isAny(String value) {
        return value == null || value.isBlank();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

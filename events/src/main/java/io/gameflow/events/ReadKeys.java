package io.gameflow.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The optional read keys of the query APIs of engagement-service and metrics-service, in {@code X-Read-Key}: the
 * same keys open both, so the live page sends one key everywhere. When on, they guard the public API
 * ({@code /v1/...}) and the API the instances ask each other ({@code /internal/...}, which an instance asks with its
 * first key); health, metrics and the live page with its assets stay open. A presented key is compared with every
 * configured key in constant time (digests of equal length, no early exit).
 */
public final class ReadKeys {

    public static final String HEADER = "X-Read-Key";

    private final boolean enabled;
    private final List<NamedKey> keys;

    private ReadKeys(boolean enabled, List<NamedKey> keys) {
        this.enabled = enabled;
        this.keys = keys;
    }

    /**
     * @param entries {@code name:key} pairs, as ingest's API keys
     * @throws IllegalArgumentException when on without a key, or for an entry without a name or key, or a name given twice
     */
    public static ReadKeys of(boolean enabled, List<String> entries, String setting) {
        List<NamedKey> keys = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            String name = colon < 0 ? "" : entry.substring(0, colon).trim();
            String key = colon < 0 ? "" : entry.substring(colon + 1).trim();
            if (name.isEmpty() || key.isEmpty()) {
                throw new IllegalArgumentException(setting + ": a read key entry must be name:key, e.g. dashboard:3f9c...; "
                        + "got an entry " + (colon < 0 ? "without ':'" : "with an empty " + (name.isEmpty() ? "name" : "key")));
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException(setting + ": the read key name '" + name + "' is given twice");
            }
            keys.add(new NamedKey(name, key, digest(key)));
        }
        if (enabled && keys.isEmpty()) {
            throw new IllegalArgumentException("read keys are on but none is configured: set " + setting
                    + " to name:key entries, e.g. dashboard:<a long random key>, or turn read keys off");
        }
        return new ReadKeys(enabled, List.copyOf(keys));
    }

    public boolean enabled() {
        return enabled;
    }

    /** Whether a request for this path needs a key: with keys on, the public and the internal API. */
    public boolean guards(String path) {
        return enabled && (path.startsWith("/v1/") || path.equals("/v1") || path.startsWith("/internal/"));
    }

    /** Why a request with this key (null when none was sent) to this path is refused; empty when it may pass. */
    public Optional<String> refusal(String path, String presented) {
        if (!guards(path)) {
            return Optional.empty();
        }
        if (presented == null || presented.isBlank()) {
            return Optional.of("this API needs a read key: send it in the " + HEADER + " header");
        }
        return matches(presented.trim()) ? Optional.empty() : Optional.of("the read key in " + HEADER + " is not valid");
    }

    /** The key an instance sends when it asks another instance of its service; empty when keys are off. */
    public Optional<String> peerKey() {
        return enabled ? Optional.of(keys.get(0).key()) : Optional.empty();
    }

    private boolean matches(String presented) {
        byte[] digest = digest(presented);
        boolean match = false;
        for (NamedKey key : keys) {
            match |= MessageDigest.isEqual(key.digest(), digest);
        }
        return match;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private record NamedKey(String name, String key, byte[] digest) {
        @Override
        public String toString() {
            // never the key itself, should a key ever be logged
            return "NamedKey[" + name + "]";
        }
    }
}

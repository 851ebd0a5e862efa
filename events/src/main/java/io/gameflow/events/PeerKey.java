package io.gameflow.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The shared secret of the instances of one Streams service, in {@code X-Peer-Key}: when on, only a request that
 * carries it reaches the internal API ({@code /internal/...}) that the instances ask each other. Read keys cannot
 * stand in for it: the live page holds a read key in every browser that opens it, and the internal API answers for
 * one instance's part of the state, which no client should be able to ask for through the ingress. The comparison
 * takes the same time whatever the presented key (digests of equal length).
 */
public final class PeerKey {

    public static final String HEADER = "X-Peer-Key";
    static final int MIN_LENGTH = 16;

    private final boolean enabled;
    private final String key;
    private final byte[] digest;

    private PeerKey(boolean enabled, String key) {
        this.enabled = enabled;
        this.key = key;
        this.digest = digest(key);
    }

    /**
     * @throws IllegalArgumentException when on without a key, or with one shorter than 16 characters (a guessable
     *                                  secret would protect nothing)
     */
    public static PeerKey of(boolean enabled, Optional<String> key, String setting) {
        String trimmed = key.map(String::trim).orElse("");
        if (enabled && trimmed.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the peer key is on but " + setting + " is "
                    + (trimmed.isEmpty() ? "not set" : "shorter than " + MIN_LENGTH + " characters")
                    + ": give every instance of the service the same long random key (e.g. openssl rand -hex 24),"
                    + " or turn the peer key off");
        }
        return new PeerKey(enabled, trimmed);
    }

    public boolean guards(String path) {
        return enabled && (path.startsWith("/internal/") || path.equals("/internal"));
    }

    /** Why a request with this key (null when none was sent) to this path is refused; empty when it may pass. */
    public Optional<String> refusal(String path, String presented) {
        if (!guards(path)) {
            return Optional.empty();
        }
        if (presented == null || presented.isBlank()) {
            return Optional.of("the internal API is for the instances of this service only");
        }
        return MessageDigest.isEqual(digest, digest(presented.trim())) ? Optional.empty()
                : Optional.of("the internal API is for the instances of this service only");
    }

    /** What this instance sends when it asks another; empty when the peer key is off. */
    public Optional<String> header() {
        return enabled ? Optional.of(key) : Optional.empty();
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        // never the key itself, should it ever be logged
        return "PeerKey[" + (enabled ? "on" : "off") + "]";
    }
}

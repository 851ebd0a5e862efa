package io.gameflow.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured API keys, each with a name. A presented key is compared with every configured key in constant
 * time (digests of equal length, no early exit), so response times tell an attacker nothing about how close a
 * guess was.
 */
public final class ApiKeys {

    private final List<NamedDigest> keys;

    private ApiKeys(List<NamedDigest> keys) {
        this.keys = keys;
    }

    /**
     * @param entries {@code name:key} pairs
     * @throws IllegalArgumentException for an entry without a name or key, or a name given twice
     */
    public static ApiKeys parse(List<String> entries) {
        List<NamedDigest> keys = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            String name = colon < 0 ? "" : entry.substring(0, colon).trim();
            String key = colon < 0 ? "" : entry.substring(colon + 1).trim();
            if (name.isEmpty() || key.isEmpty()) {
                throw new IllegalArgumentException("an API key entry must be name:key, e.g. studio-a:3f9c...; got an entry "
                        + (colon < 0 ? "without ':'" : "with an empty " + (name.isEmpty() ? "name" : "key")));
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("the API key name '" + name + "' is given twice");
            }
            keys.add(new NamedDigest(name, digest(key)));
        }
        return new ApiKeys(List.copyOf(keys));
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The name of the configured key equal to the presented one; empty when none is. */
    public Optional<String> nameOf(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = digest(presented);
        String match = null;
        for (NamedDigest key : keys) {
            if (MessageDigest.isEqual(key.digest(), digest)) {
                match = key.name();
            }
        }
        return Optional.ofNullable(match);
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private record NamedDigest(String name, byte[] digest) {
    }
}

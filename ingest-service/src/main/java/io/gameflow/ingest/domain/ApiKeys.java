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
 * The configured API keys, each with a name and a scope. An entry is {@code name:key} (every kind of event, as before
 * scopes existed) or {@code name:key:scope} ({@link EventScope}); a key therefore cannot contain {@code ':'}.
 *
 * <p>A presented key is compared with every configured key in constant time (digests of equal length, no early exit),
 * so response times tell an attacker nothing about how close a guess was. Error messages name an entry by its name or
 * position, never by its key.
 */
public final class ApiKeys {

    private final List<ScopedDigest> keys;

    private ApiKeys(List<ScopedDigest> keys) {
        this.keys = keys;
    }

    /**
     * @param entries {@code name:key} or {@code name:key:scope} entries
     * @throws IllegalArgumentException for an entry without a name or key, with an unknown scope or too many parts,
     *                                  or a name given twice
     */
    public static ApiKeys parse(List<String> entries) {
        List<ScopedDigest> keys = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String[] parts = entries.get(i).split(":", -1);
            String name = parts[0].trim();
            // an entry without ':' may be a bare key: then it is named by its position only
            String entry = name.isEmpty() || parts.length < 2 ? "entry " + (i + 1) : "'" + name + "'";
            if (parts.length < 2 || parts.length > 3) {
                throw new IllegalArgumentException("API key " + entry + " must be name:key or name:key:scope, e.g. "
                        + "studio-a:3f9c...:client; got " + (parts.length < 2 ? "no ':'" : parts.length + " ':'-separated parts "
                        + "(a key may not contain ':')"));
            }
            String key = parts[1].trim();
            if (name.isEmpty() || key.isEmpty()) {
                throw new IllegalArgumentException("API key " + entry + " has an empty " + (name.isEmpty() ? "name" : "key")
                        + "; an entry is name:key or name:key:scope");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("the API key name '" + name + "' is given twice");
            }
            EventScope scope;
            try {
                scope = parts.length == 3 ? EventScope.parse(parts[2]) : EventScope.ALL;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("API key " + entry + " has " + e.getMessage()
                        + "; name:key:scope takes what follows the second ':' as the scope, so a key may not contain ':'", e);
            }
            keys.add(new ScopedDigest(new ApiKey(name, scope), parts.length == 3, digest(key)));
        }
        return new ApiKeys(List.copyOf(keys));
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The names of the keys configured without a scope, which may send every kind of event. */
    public List<String> unscoped() {
        return keys.stream().filter(key -> !key.scoped()).map(key -> key.key().name()).toList();
    }

    /** The configured key equal to the presented one; empty when none is. */
    public Optional<ApiKey> find(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = digest(presented);
        ApiKey match = null;
        for (ScopedDigest key : keys) {
            if (MessageDigest.isEqual(key.digest(), digest)) {
                match = key.key();
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

    private record ScopedDigest(ApiKey key, boolean scoped, byte[] digest) {
    }
}

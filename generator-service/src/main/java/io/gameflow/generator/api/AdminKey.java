package io.gameflow.generator.api;

import io.gameflow.generator.config.GeneratorConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The key that controls the generator (see, start, stop, pace it). Built at start, so that a generator with the
 * check on and no key refuses to start rather than refusing every control request. Compared as digests of equal
 * length in constant time.
 */
@Startup
@ApplicationScoped
public class AdminKey {

    public static final String HEADER = "X-Admin-Key";
    private static final Logger LOG = Logger.getLogger(AdminKey.class);

    private final boolean enabled;
    private final byte[] digest;

    public AdminKey(GeneratorConfig config) {
        this.enabled = config.admin().enabled();
        String key = config.admin().key().map(String::trim).orElse("");
        if (enabled && key.isEmpty()) {
            throw new IllegalStateException("No admin key configured: set gameflow.generator.admin.key (env GAMEFLOW_GENERATOR_ADMIN_KEY), "
                    + "or set GAMEFLOW_GENERATOR_ADMIN_ENABLED=false to let anyone start, stop and pace the generator");
        }
        if (!enabled) {
            LOG.warn("the admin key is off (gameflow.generator.admin.enabled=false): anyone can control the generator");
        }
        this.digest = digest(key);
    }

    /** Whether a request with this header value may control the generator. */
    public boolean admits(String presented) {
        return !enabled || (presented != null && MessageDigest.isEqual(digest, digest(presented.trim())));
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

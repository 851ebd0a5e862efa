package io.gameflow.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How every Kafka client of a service proves who it is and whom it trusts: the security protocol, the SASL mechanism
 * and credentials, the truststore and keystore. Read from the {@code gameflow.kafka.*} settings (each service's
 * application.properties, with the environment variables of {@link #ENV}), checked once, and turned into the Kafka
 * client properties that the SmallRye channels, Kafka Streams ({@link KafkaSecurityConfigSource}) and the clients a
 * service makes by hand ({@link KafkaClientConfig}) all get.
 *
 * <p>A setting that cannot work fails here, at start, with the name of what to fix: a broker that refuses a client
 * only says "authentication failed", long after start and in the client's log.
 */
public record KafkaSecurity(String protocol, String saslMechanism, String username, String password,
                            Store truststore, Store keystore, String keyPassword) {

    public static final String PREFIX = "gameflow.kafka.";
    public static final String PROTOCOL = PREFIX + "security.protocol";
    public static final String SASL_MECHANISM = PREFIX + "sasl.mechanism";
    public static final String SASL_USERNAME = PREFIX + "sasl.username";
    public static final String SASL_PASSWORD = PREFIX + "sasl.password";
    public static final String TRUSTSTORE_LOCATION = PREFIX + "ssl.truststore.location";
    public static final String TRUSTSTORE_TYPE = PREFIX + "ssl.truststore.type";
    public static final String TRUSTSTORE_PASSWORD = PREFIX + "ssl.truststore.password";
    public static final String KEYSTORE_LOCATION = PREFIX + "ssl.keystore.location";
    public static final String KEYSTORE_TYPE = PREFIX + "ssl.keystore.type";
    public static final String KEYSTORE_PASSWORD = PREFIX + "ssl.keystore.password";
    public static final String KEY_PASSWORD = PREFIX + "ssl.key.password";

    /** The environment variable that sets each setting: its name by Quarkus' rule (the names before it, KAFKA_SASL_PASSWORD and so on, are still read for one release). */
    public static final Map<String, String> ENV = orderedMap(
            PROTOCOL, "GAMEFLOW_KAFKA_SECURITY_PROTOCOL",
            SASL_MECHANISM, "GAMEFLOW_KAFKA_SASL_MECHANISM",
            SASL_USERNAME, "GAMEFLOW_KAFKA_SASL_USERNAME",
            SASL_PASSWORD, "GAMEFLOW_KAFKA_SASL_PASSWORD",
            TRUSTSTORE_LOCATION, "GAMEFLOW_KAFKA_SSL_TRUSTSTORE_LOCATION",
            TRUSTSTORE_TYPE, "GAMEFLOW_KAFKA_SSL_TRUSTSTORE_TYPE",
            TRUSTSTORE_PASSWORD, "GAMEFLOW_KAFKA_SSL_TRUSTSTORE_PASSWORD",
            KEYSTORE_LOCATION, "GAMEFLOW_KAFKA_SSL_KEYSTORE_LOCATION",
            KEYSTORE_TYPE, "GAMEFLOW_KAFKA_SSL_KEYSTORE_TYPE",
            KEYSTORE_PASSWORD, "GAMEFLOW_KAFKA_SSL_KEYSTORE_PASSWORD",
            KEY_PASSWORD, "GAMEFLOW_KAFKA_SSL_KEY_PASSWORD");

    public static final String PLAINTEXT = "PLAINTEXT";
    public static final String SASL_SSL = "SASL_SSL";
    public static final String SCRAM_SHA_512 = "SCRAM-SHA-512";
    private static final List<String> PROTOCOLS = List.of(PLAINTEXT, "SSL", "SASL_PLAINTEXT", SASL_SSL);
    private static final Map<String, String> LOGIN_MODULES = Map.of(
            SCRAM_SHA_512, "org.apache.kafka.common.security.scram.ScramLoginModule",
            "SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule",
            "PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule");

    /** A key or trust store: a file, its type (PKCS12, JKS or PEM) and the password that opens it, if any. */
    public record Store(String location, String type, String password) {
    }

    /** No TLS, no authentication: the local stack and the tests on the open embedded broker. */
    public static KafkaSecurity plaintext() {
        return new KafkaSecurity(PLAINTEXT, null, null, null, null, null, null);
    }

    /**
     * Reads and checks the {@code gameflow.kafka.*} settings; a blank one counts as absent.
     *
     * @throws IllegalArgumentException naming the setting and its environment variable, when they cannot work
     */
    public static KafkaSecurity from(Function<String, Optional<String>> settings) {
        Function<String, String> setting = name -> settings.apply(name).map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
        String protocol = Optional.ofNullable(setting.apply(PROTOCOL)).orElse(PLAINTEXT).toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            throw invalid(PROTOCOL, "is " + protocol + "; accepted: " + String.join(", ", PROTOCOLS));
        }
        boolean sasl = protocol.startsWith("SASL_");
        boolean tls = protocol.endsWith("SSL");
        String mechanism = null;
        String username = setting.apply(SASL_USERNAME);
        String password = setting.apply(SASL_PASSWORD);
        if (sasl) {
            mechanism = Optional.ofNullable(setting.apply(SASL_MECHANISM)).orElse(SCRAM_SHA_512).toUpperCase(Locale.ROOT);
            if (!LOGIN_MODULES.containsKey(mechanism)) {
                throw invalid(SASL_MECHANISM, "is " + mechanism + "; accepted: " + String.join(", ", LOGIN_MODULES.keySet()));
            }
            requireFor(protocol, SASL_USERNAME, username);
            requireFor(protocol, SASL_PASSWORD, password);
        } else if (username != null || password != null) {
            // credentials that would silently not be sent are a mistake in the deployment, not a choice
            throw invalid(username != null ? SASL_USERNAME : SASL_PASSWORD, "is set, but " + name(PROTOCOL) + " is "
                    + protocol + ", which sends no credentials; use SASL_SSL (or SASL_PLAINTEXT)");
        }
        Store truststore = store(setting, TRUSTSTORE_LOCATION, TRUSTSTORE_TYPE, TRUSTSTORE_PASSWORD, false);
        Store keystore = store(setting, KEYSTORE_LOCATION, KEYSTORE_TYPE, KEYSTORE_PASSWORD, true);
        if (!tls && (truststore != null || keystore != null)) {
            throw invalid(truststore != null ? TRUSTSTORE_LOCATION : KEYSTORE_LOCATION, "is set, but "
                    + name(PROTOCOL) + " is " + protocol + ", which does not use TLS; use SASL_SSL (or SSL)");
        }
        return new KafkaSecurity(protocol, mechanism, username, password, truststore, keystore, setting.apply(KEY_PASSWORD));
    }

    /** The Kafka client properties of these settings: {@code security.protocol} always, the rest only when used. */
    public Map<String, String> clientProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("security.protocol", protocol);
        if (saslMechanism != null) {
            props.put("sasl.mechanism", saslMechanism);
            props.put("sasl.jaas.config", LOGIN_MODULES.get(saslMechanism) + " required username=\"" + quoted(username)
                    + "\" password=\"" + quoted(password) + "\";");
        }
        if (truststore != null) {
            props.put("ssl.truststore.location", truststore.location());
            props.put("ssl.truststore.type", truststore.type());
            putIfSet(props, "ssl.truststore.password", truststore.password());
        }
        if (keystore != null) {
            props.put("ssl.keystore.location", keystore.location());
            props.put("ssl.keystore.type", keystore.type());
            putIfSet(props, "ssl.keystore.password", keystore.password());
            putIfSet(props, "ssl.key.password", keyPassword);
        }
        return props;
    }

    /** For logs: everything but the secrets. */
    @Override
    public String toString() {
        return "KafkaSecurity[protocol=" + protocol + (saslMechanism == null ? "" : ", mechanism=" + saslMechanism
                + ", username=" + username) + (truststore == null ? "" : ", truststore=" + truststore.location())
                + (keystore == null ? "" : ", keystore=" + keystore.location()) + "]";
    }

    private static Store store(Function<String, String> setting, String locationKey, String typeKey, String passwordKey,
                               boolean passwordNeeded) {
        String location = setting.apply(locationKey);
        if (location == null) {
            return null;
        }
        if (!Files.isReadable(Path.of(location))) {
            throw invalid(locationKey, "is " + location + ", which is not a readable file");
        }
        String type = Optional.ofNullable(setting.apply(typeKey)).orElse(typeOf(location)).toUpperCase(Locale.ROOT);
        if (!List.of("PKCS12", "JKS", "PEM").contains(type)) {
            throw invalid(typeKey, "is " + type + "; accepted: PKCS12, JKS, PEM");
        }
        String password = setting.apply(passwordKey);
        // a PEM key store carries its key in the clear or under ssl.key.password; PKCS12 and JKS ones need theirs
        if (passwordNeeded && password == null && !"PEM".equals(type)) {
            throw invalid(passwordKey, "is not set, but " + name(locationKey) + " is a " + type + " store");
        }
        return new Store(location, type, password);
    }

    /** From the file name, so that the usual case (ca.p12, ca.crt) needs no type setting. */
    private static String typeOf(String location) {
        String name = location.toLowerCase(Locale.ROOT);
        if (name.endsWith(".pem") || name.endsWith(".crt")) {
            return "PEM";
        }
        return name.endsWith(".jks") ? "JKS" : "PKCS12";
    }

    private static void requireFor(String protocol, String key, String value) {
        if (value == null) {
            throw invalid(key, "is not set, but " + name(PROTOCOL) + " is " + protocol + ", which logs in with it");
        }
    }

    /** JAAS values are double-quoted: a quote or backslash in a password must not end or change it. */
    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void putIfSet(Map<String, String> props, String key, String value) {
        if (value != null) {
            props.put(key, value);
        }
    }

    private static IllegalArgumentException invalid(String key, String problem) {
        return new IllegalArgumentException("Kafka security: " + name(key) + " " + problem);
    }

    private static String name(String key) {
        return key + " (" + ENV.get(key) + ")";
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}

package io.gameflow.kafka.embedded;

import io.gameflow.kafka.KafkaSecurity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What makes an embedded broker a secured one, as the prod cluster is: clients connect only over SASL_SSL
 * (SCRAM-SHA-512 over TLS), Kafka's {@code StandardAuthorizer} decides what each user may do, and nobody but
 * {@value #ADMIN} (the broker itself, and the tests' or the local stack's set-up) may do anything no ACL allows.
 *
 * <p>The users, their random passwords and the TLS files live in the broker's data directory ({@code security/}),
 * readable by its owner only: a broker started again on that directory has the same users, which the stored metadata
 * holds anyway. The controller listener, on loopback and inside this process, is TLS with the broker's own
 * certificate required: no client can reach it without the broker's private key.
 */
public final class BrokerSecurity {

    public static final String ADMIN = "admin";
    static final String MECHANISM = KafkaSecurity.SCRAM_SHA_512;
    private static final String SECRETS_FILE = "secrets.properties";

    private final Path dir;
    private final Map<String, String> passwords;
    private final BrokerCertificate certificate;

    private BrokerSecurity(Path dir, Map<String, String> passwords, BrokerCertificate certificate) {
        this.dir = dir;
        this.passwords = passwords;
        this.certificate = certificate;
    }

    /**
     * The users' passwords and the TLS files in {@code dir}: those of an earlier start, else new ones for
     * {@value #ADMIN} and {@code users}. A user not known to an earlier start cannot be added this way: its SCRAM
     * credential is written when the storage is formatted.
     */
    static BrokerSecurity inDirectory(Path dir, Collection<String> users) {
        try {
            Files.createDirectories(dir);
            restrictToOwner(dir);
            Path secretsFile = dir.resolve(SECRETS_FILE);
            Properties secrets = new Properties();
            if (Files.exists(secretsFile)) {
                try (InputStream in = Files.newInputStream(secretsFile)) {
                    secrets.load(in);
                }
            } else {
                secrets.setProperty("store.keystore", randomPassword());
                secrets.setProperty("store.truststore", randomPassword());
                secrets.setProperty("user." + ADMIN, randomPassword());
                for (String user : users) {
                    secrets.setProperty("user." + user, randomPassword());
                }
                try (OutputStream out = Files.newOutputStream(secretsFile)) {
                    secrets.store(out, "SCRAM passwords and store passwords of the embedded broker; for tests and the local stack only");
                }
                restrictToOwner(secretsFile);
            }
            Map<String, String> passwords = new LinkedHashMap<>();
            for (String name : new TreeSet<>(secrets.stringPropertyNames())) {
                if (name.startsWith("user.")) {
                    passwords.put(name.substring("user.".length()), secrets.getProperty(name));
                }
            }
            List<String> unknown = users.stream().filter(user -> !passwords.containsKey(user)).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalStateException("users " + unknown + " were not created when the broker in " + dir.getParent()
                        + " was first started; start it on a fresh data directory to add users");
            }
            BrokerCertificate certificate = BrokerCertificate.inDirectory(dir, secrets.getProperty("store.keystore"),
                    secrets.getProperty("store.truststore"));
            return new BrokerSecurity(dir, passwords, certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a secured broker was started on this security directory before. */
    static boolean existsIn(Path dir) {
        return Files.exists(dir.resolve(SECRETS_FILE));
    }

    /** Every user, {@value #ADMIN} included. */
    public Collection<String> users() {
        return passwords.keySet();
    }

    public String password(String user) {
        return Optional.ofNullable(passwords.get(user))
                .orElseThrow(() -> new IllegalArgumentException("no user " + user + " on this broker; known: " + users()));
    }

    /** PKCS12, opened with {@link #truststorePassword()}. */
    public Path truststore() {
        return certificate.truststore();
    }

    public String truststorePassword() {
        return certificate.truststorePassword();
    }

    /** The broker's certificate as PEM, for clients given a CA file as in Kubernetes ({@code ca.crt}). */
    public Path certificatePem() {
        return certificate.certificatePem();
    }

    /** The client settings of {@code user}: SASL_SSL, SCRAM-SHA-512, its password, the trust store. */
    public KafkaSecurity clientSecurity(String user) {
        return clientSecurity(user, password(user));
    }

    /** As {@link #clientSecurity(String)} with a password of the caller's choice: to show a wrong one is refused. */
    public KafkaSecurity clientSecurity(String user, String password) {
        Map<String, String> settings = new LinkedHashMap<>(serviceSettings(user));
        settings.put(KafkaSecurity.SASL_PASSWORD, password);
        return KafkaSecurity.from(name -> Optional.ofNullable(settings.get(name)));
    }

    /** The environment variables that make a GameFlow service connect as {@code user}. */
    public Map<String, String> serviceEnvironment(String user) {
        return serviceEnvironment(user, password(user));
    }

    /** The {@code gameflow.kafka.*} settings that {@link #serviceEnvironment} sets through a service's properties. */
    public Map<String, String> serviceSettings(String user) {
        Map<String, String> env = serviceEnvironment(user);
        Map<String, String> settings = new LinkedHashMap<>();
        KafkaSecurity.ENV.forEach((setting, variable) -> Optional.ofNullable(env.get(variable)).ifPresent(v -> settings.put(setting, v)));
        return settings;
    }

    private Map<String, String> serviceEnvironment(String user, String password) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(KafkaSecurity.ENV.get(KafkaSecurity.PROTOCOL), KafkaSecurity.SASL_SSL);
        env.put(KafkaSecurity.ENV.get(KafkaSecurity.SASL_MECHANISM), MECHANISM);
        env.put(KafkaSecurity.ENV.get(KafkaSecurity.SASL_USERNAME), user);
        env.put(KafkaSecurity.ENV.get(KafkaSecurity.SASL_PASSWORD), password);
        env.put(KafkaSecurity.ENV.get(KafkaSecurity.TRUSTSTORE_LOCATION), truststore().toAbsolutePath().toString());
        env.put(KafkaSecurity.ENV.get(KafkaSecurity.TRUSTSTORE_TYPE), "PKCS12");
        env.put(KafkaSecurity.ENV.get(KafkaSecurity.TRUSTSTORE_PASSWORD), truststorePassword());
        return env;
    }

    /**
     * Writes {@code <user>.env} for every user but {@value #ADMIN}: the variables of {@link #serviceEnvironment},
     * for a script to hand to the service of that name (scripts/run-local-stack.sh).
     */
    public void writeServiceEnvironmentFiles() {
        for (String user : users()) {
            if (ADMIN.equals(user)) {
                continue;
            }
            Path file = dir.resolve(user + ".env");
            String lines = serviceEnvironment(user).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n"));
            try {
                Files.writeString(file, lines);
                restrictToOwner(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The broker settings of a SASL_SSL client listener, a mutual-TLS controller listener and the authorizer. */
    Properties brokerProperties(int port, int controllerPort) {
        Properties props = new Properties();
        props.put("listeners", "SASL_SSL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "SASL_SSL://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:SSL");
        props.put("inter.broker.listener.name", "SASL_SSL");
        props.put("sasl.enabled.mechanisms", MECHANISM);
        props.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        // the broker's own connections to itself (transaction markers, say) log in as the super user
        props.put("listener.name.sasl_ssl." + MECHANISM.toLowerCase() + ".sasl.jaas.config",
                clientSecurity(ADMIN).clientProperties().get("sasl.jaas.config"));
        props.put("ssl.keystore.location", certificate.keystore().toAbsolutePath().toString());
        props.put("ssl.keystore.type", "PKCS12");
        props.put("ssl.keystore.password", certificate.keystorePassword());
        props.put("ssl.key.password", certificate.keystorePassword());
        props.put("ssl.truststore.location", truststore().toAbsolutePath().toString());
        props.put("ssl.truststore.type", "PKCS12");
        props.put("ssl.truststore.password", truststorePassword());
        props.put("listener.name.controller.ssl.client.auth", "required");
        props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        props.put("super.users", "User:" + ADMIN + ";User:" + BrokerCertificate.DISTINGUISHED_NAME);
        props.put("allow.everyone.if.no.acl.found", "false");
        return props;
    }

    /** {@code --add-scram} for each user: KRaft keeps SCRAM credentials in its metadata, written when formatting. */
    List<String> formatArguments() {
        List<String> args = new ArrayList<>();
        passwords.forEach((user, password) -> {
            args.add("--add-scram");
            args.add(MECHANISM + "=[name=" + user + ",password=" + password + "]");
        });
        return args;
    }

    /** Letters and digits only: the password goes into JAAS and into the format tool's [name=,password=] syntax. */
    private static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile directory is private already
        }
    }
}

package io.gameflow.kafka.embedded;

import io.gameflow.events.Topics;
import io.gameflow.kafka.KafkaClientConfig;
import io.gameflow.kafka.KafkaSecurity;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) running inside this JVM,
 * on loopback. Used by the tests of every service and, through {@link StandaloneBroker}, by the local stack.
 *
 * <p>A broker started on a data directory that an earlier broker used (stopped cleanly or killed) comes up with
 * that broker's topics, records and committed offsets.
 *
 * <p>Open (PLAINTEXT, no authentication) unless started secured: then only SASL_SSL clients that log in as one of
 * its users get in, and only to do what that user's ACLs allow ({@link BrokerSecurity}).
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final Path dataDir;
    private final boolean ownsDataDir;
    private final int port;
    private final KafkaRaftServer server;
    private final BrokerSecurity security;

    private EmbeddedKafka(Path dataDir, boolean ownsDataDir, int port, KafkaRaftServer server, BrokerSecurity security) {
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        this.port = port;
        this.server = server;
        this.security = security;
    }

    /**
     * Starts a broker on free loopback ports with its data in a new temporary directory, which {@link #close()}
     * deletes.
     */
    public static EmbeddedKafka startOnFreePorts() {
        return startOnFreePorts(null);
    }

    /**
     * As {@link #startOnFreePorts()}, secured: a SASL_SSL listener, the {@code StandardAuthorizer}, and a SCRAM user
     * for each of {@code users} besides {@value BrokerSecurity#ADMIN}. No user may do anything yet: see
     * {@link #allow(Collection)}.
     */
    public static EmbeddedKafka startSecuredOnFreePorts(Collection<String> users) {
        return startOnFreePorts(List.copyOf(users));
    }

    private static EmbeddedKafka startOnFreePorts(Collection<String> securedUsers) {
        try {
            int[] ports = freePorts(2);
            return start(Files.createTempDirectory("gameflow-kafka-"), true, ports[0], ports[1], securedUsers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Formats {@code dataDir} if it is not yet formatted, else reuses its topics and records, and starts the broker;
     * returns once it answers metadata requests. The directory belongs to the caller: {@link #close()} keeps it.
     */
    public static EmbeddedKafka start(Path dataDir, int port, int controllerPort) {
        return start(dataDir, false, port, controllerPort, null);
    }

    /**
     * As {@link #start(Path, int, int)}, secured as {@link #startSecuredOnFreePorts(Collection)} is. A data directory
     * that an open broker formatted holds no SCRAM users and is refused; one that a secured broker used before comes
     * back with its users and their passwords.
     */
    public static EmbeddedKafka startSecured(Path dataDir, int port, int controllerPort, Collection<String> users) {
        return start(dataDir, false, port, controllerPort, List.copyOf(users));
    }

    private static EmbeddedKafka start(Path dataDir, boolean ownsDataDir, int port, int controllerPort,
                                       Collection<String> securedUsers) {
        Properties props = brokerProperties(logDir(dataDir), port, controllerPort);
        BrokerSecurity security = null;
        List<String> formatArguments = List.of();
        if (securedUsers != null) {
            if (isFormatted(dataDir) && !BrokerSecurity.existsIn(securityDir(dataDir))) {
                // its metadata has no SCRAM users: not even the broker itself could log in
                throw new IllegalStateException("the data in " + dataDir + " was made by an open broker; start the"
                        + " secured one on a fresh data directory");
            }
            security = BrokerSecurity.inDirectory(securityDir(dataDir), securedUsers);
            props.putAll(security.brokerProperties(port, controllerPort));
            formatArguments = security.formatArguments();
        }
        writeConfig(dataDir, props);
        if (!isFormatted(dataDir)) {
            formatStorage(dataDir, formatArguments);
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        server.startup();
        EmbeddedKafka kafka = new EmbeddedKafka(dataDir, ownsDataDir, port, server, security);
        kafka.awaitReady();
        return kafka;
    }

    private static Path securityDir(Path dataDir) {
        return dataDir.resolve("security");
    }

    /**
     * Whether a broker has used {@code dataDir}: the format step writes {@code meta.properties}, with the cluster id
     * that the stored metadata belongs to. Formatting again would need a new id, which the broker then refuses.
     */
    static boolean isFormatted(Path dataDir) {
        return Files.exists(logDir(dataDir).resolve("meta.properties"));
    }

    private static Path logDir(Path dataDir) {
        return dataDir.resolve("logs");
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean isSecured() {
        return security != null;
    }

    /** The users, passwords and trust store of a secured broker. */
    public BrokerSecurity security() {
        if (security == null) {
            throw new IllegalStateException("this broker is open; start it with startSecured... for users and TLS");
        }
        return security;
    }

    /** How a client reaches this broker as {@code user}; on an open broker, PLAINTEXT as anybody. */
    public KafkaClientConfig clientConfig(String user) {
        return KafkaClientConfig.of(bootstrapServers(), security == null ? KafkaSecurity.plaintext() : security.clientSecurity(user));
    }

    /**
     * Grants {@code acls} and returns once the broker's authorizer applies them all (a grant is a metadata record:
     * the controller writes it, then the broker loads it).
     */
    public void allow(Collection<AclBinding> acls) {
        try (Admin admin = admin()) {
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            // describeAcls answers from the broker's authorizer: once it lists them all, they are enforced
            while (!admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS).containsAll(acls)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not apply the ACLs within 30 s");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot grant ACLs: " + e.getMessage(), e);
        }
    }

    /**
     * Creates the topics that do not exist yet, with replication factor 1 and the settings of {@code Topics.configOf}.
     * The input topics ({@link Topics#INPUTS}) are on {@code LogAppendTime}: the broker's append time is the receipt
     * time that bounds client clocks.
     */
    public void createTopics(Collection<String> topics, int partitions) {
        try (Admin admin = admin()) {
            for (String topic : topics) {
                NewTopic newTopic = new NewTopic(topic, partitions, (short) 1).configs(Topics.configOf(topic));
                try {
                    admin.createTopics(java.util.List.of(newTopic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("broker did not create topics within 30 s", e);
        }
    }

    /** An admin client; on a secured broker logged in as the super user {@value BrokerSecurity#ADMIN}. */
    public Admin admin() {
        return Admin.create(clientConfig(BrokerSecurity.ADMIN).properties());
    }

    public void stop() {
        server.shutdown();
        server.awaitShutdown();
    }

    /**
     * Deletes the broker's log and metadata directories, also those of a data directory the caller gave; call after
     * {@link #stop()}.
     */
    public void deleteData() {
        deleteDirectory(dataDir);
    }

    public static void deleteDirectory(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops the broker; deletes its data if it lives in the temporary directory of {@link #startOnFreePorts()}, keeps
     * it if the caller gave the directory, so that a broker started on it later finds it.
     */
    @Override
    public void close() {
        stop();
        if (ownsDataDir) {
            deleteData();
        }
    }

    public static int freePort() {
        return freePorts(1)[0];
    }

    /** {@code count} distinct free ports: every socket stays open until all are chosen, so none repeats. */
    public static int[] freePorts(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                sockets[i].setReuseAddress(true);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                closeQuietly(socket);
            }
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            // the port is still free for our purpose; nothing to do
        }
    }

    static Properties brokerProperties(Path logDir, int port, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        // A single node: every internal topic has one replica, and few partitions so it starts fast.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("min.insync.replicas", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("num.partitions", "1");
        // The log cleaner takes its whole dedupe buffer (128 MiB by default) from the heap as the broker starts: a test
        // JVM that starts a broker per Quarkus test profile (each its own class loader) ran out of its 1 GiB on that
        // alone. The changelogs of a test or of the local stack fit a far smaller one.
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        // As in docker-compose.yml and deploy/k8s: topics exist because someone created them on purpose. A client
        // that asks for an unknown topic (a stale one from a stopped run, a typo) must not create it with 1 partition,
        // which Kafka Streams then refuses for its repartition topics.
        props.put("auto.create.topics.enable", "false");
        return props;
    }

    /** The broker's settings as a file, for the format step; rewritten at each start, as the ports may change. */
    private static void writeConfig(Path dataDir, Properties props) {
        try {
            Files.createDirectories(dataDir);
            try (OutputStream out = Files.newOutputStream(configFile(dataDir))) {
                props.store(out, "GameFlow embedded broker");
            }
            // a secured broker's settings hold its store passwords and its own login
            try {
                Files.setPosixFilePermissions(configFile(dataDir), PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the user's profile directory is private already
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path configFile(Path dataDir) {
        return dataDir.resolve("server.properties");
    }

    /** Formats a data directory no broker has used yet, for a new cluster. */
    private static void formatStorage(Path dataDir, List<String> extraArguments) {
        try {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            List<String> args = new ArrayList<>(List.of(
                    "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", configFile(dataDir).toString()));
            args.addAll(extraArguments);
            int status = StorageTool.execute(args.toArray(String[]::new), new PrintStream(output, true, StandardCharsets.UTF_8));
            if (status != 0) {
                throw new IllegalStateException("kafka-storage format failed: " + output.toString(StandardCharsets.UTF_8));
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady() {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("broker did not become ready on " + bootstrapServers(), e);
        }
    }
}

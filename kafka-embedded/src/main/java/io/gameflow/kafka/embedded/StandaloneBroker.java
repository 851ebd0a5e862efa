package io.gameflow.kafka.embedded;

import io.gameflow.events.Topics;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one broker for the local stack until the process is stopped. Options (all optional):
 * {@code --port 9092 --controller-port 9093 --data-dir target/kafka --partitions 6 --fresh
 * --secure --kafka-users deploy/k8s/overlays/prod/kafka-users.yaml}.
 * Creates the GameFlow topics that do not exist yet and prints {@code KAFKA READY <bootstrap>} once clients can
 * connect. Without {@code --fresh} a data directory that an earlier broker used, stopped or killed, is reused with
 * its topics and records (an existing topic keeps its partition count); {@code --fresh} deletes it first.
 *
 * <p>{@code --secure} starts it as the prod cluster runs: SASL_SSL only, a SCRAM user for each KafkaUser of the
 * {@code --kafka-users} manifests with exactly their ACLs. Each user's client settings are written to
 * {@code <data-dir>/security/<user>.env} for the script that starts the services.
 */
public final class StandaloneBroker {

    private StandaloneBroker() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options = Options.parse(args);
        if (options.fresh()) {
            EmbeddedKafka.deleteDirectory(options.dataDir());
        }
        EmbeddedKafka kafka = startOrExit(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            stopped.countDown();
        }, "broker-shutdown"));
        System.out.println("KAFKA READY " + kafka.bootstrapServers() + " data=" + options.dataDir().toAbsolutePath()
                + (kafka.isSecured() ? " secured: SASL_SSL, users " + kafka.security().users() : ""));
        stopped.await();
    }

    /** A broker that failed to start leaves non-daemon threads behind; exit so the caller sees the failure. */
    private static EmbeddedKafka startOrExit(Options options) {
        EmbeddedKafka kafka = null;
        try {
            if (options.secure()) {
                KafkaUserManifests users = KafkaUserManifests.read(options.kafkaUsers());
                kafka = EmbeddedKafka.startSecured(options.dataDir(), options.port(), options.controllerPort(), users.users());
                kafka.createTopics(Topics.ALL, options.partitions());
                kafka.allow(users.allAcls());
                kafka.security().writeServiceEnvironmentFiles();
            } else {
                kafka = EmbeddedKafka.start(options.dataDir(), options.port(), options.controllerPort());
                kafka.createTopics(Topics.ALL, options.partitions());
            }
            return kafka;
        } catch (RuntimeException e) {
            System.err.println("KAFKA FAILED to start on port " + options.port() + ": " + e);
            e.printStackTrace();
            if (kafka != null) {
                kafka.stop();
            }
            System.exit(1);
            throw e;
        }
    }

    record Options(int port, int controllerPort, Path dataDir, int partitions, boolean fresh, boolean secure, Path kafkaUsers) {

        static Options parse(String[] args) {
            int port = 9092;
            Integer controllerPort = null;
            Path dataDir = Path.of("target", "kafka");
            int partitions = 6;
            boolean fresh = false;
            boolean secure = false;
            Path kafkaUsers = Path.of("deploy", "k8s", "overlays", "prod", "kafka-users.yaml");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--controller-port" -> controllerPort = Integer.parseInt(args[++i]);
                    case "--data-dir" -> dataDir = Path.of(args[++i]);
                    case "--partitions" -> partitions = Integer.parseInt(args[++i]);
                    case "--fresh" -> fresh = true;
                    case "--secure" -> secure = true;
                    case "--kafka-users" -> kafkaUsers = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; accepted: --port,"
                            + " --controller-port, --data-dir, --partitions, --fresh, --secure, --kafka-users");
                }
            }
            return new Options(port, controllerPort == null ? port + 1 : controllerPort, dataDir, partitions, fresh,
                    secure, kafkaUsers);
        }
    }
}

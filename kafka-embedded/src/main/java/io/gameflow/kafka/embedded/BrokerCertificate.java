package io.gameflow.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The secured broker's TLS identity, made with the JDK's own keytool at the first start (no download, nothing checked
 * in): a self-signed certificate for 127.0.0.1 and localhost in a PKCS12 key store, and the same certificate for the
 * clients to trust, as a PKCS12 trust store and as PEM. Self-signed is enough here: the clients trust exactly this
 * broker, as Strimzi's clients trust exactly their cluster's CA. A later start on the same directory reuses the files.
 */
final class BrokerCertificate {

    /** The broker's principal on the mutual-TLS controller listener: a super user, as the controller must be. */
    static final String DISTINGUISHED_NAME = "CN=gameflow-embedded-broker";

    private final Path keystore;
    private final Path truststore;
    private final Path certificatePem;
    private final String keystorePassword;
    private final String truststorePassword;

    private BrokerCertificate(Path dir, String keystorePassword, String truststorePassword) {
        this.keystore = dir.resolve("broker.p12");
        this.truststore = dir.resolve("truststore.p12");
        this.certificatePem = dir.resolve("ca.crt");
        this.keystorePassword = keystorePassword;
        this.truststorePassword = truststorePassword;
    }

    static BrokerCertificate inDirectory(Path dir, String keystorePassword, String truststorePassword) {
        BrokerCertificate certificate = new BrokerCertificate(dir, keystorePassword, truststorePassword);
        if (!Files.exists(certificate.truststore)) {
            certificate.generate();
        }
        return certificate;
    }

    Path keystore() {
        return keystore;
    }

    Path truststore() {
        return truststore;
    }

    /** The certificate as PEM: what a client given Strimzi's {@code ca.crt} would read. */
    Path certificatePem() {
        return certificatePem;
    }

    String keystorePassword() {
        return keystorePassword;
    }

    String truststorePassword() {
        return truststorePassword;
    }

    private void generate() {
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", DISTINGUISHED_NAME, "-ext", "SAN=IP:127.0.0.1,DNS:localhost",
                "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", keystorePassword, "-keypass", keystorePassword);
        keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", keystorePassword, "-file", certificatePem.toString());
        keytool("-importcert", "-noprompt", "-alias", "gameflow-broker", "-file", certificatePem.toString(),
                "-keystore", truststore.toString(), "-storetype", "PKCS12", "-storepass", truststorePassword);
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed: " + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run keytool of " + System.getProperty("java.home"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the broker's certificate", e);
        }
    }
}

package io.gameflow.kafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaSecurityTest {

    @TempDir
    Path dir;

    private static KafkaSecurity read(Map<String, String> settings) {
        return KafkaSecurity.from(name -> Optional.ofNullable(settings.get(name)));
    }

    private Map<String, String> saslSsl() throws IOException {
        Path truststore = Files.writeString(dir.resolve("ca.p12"), "not read here");
        Map<String, String> settings = new HashMap<>();
        settings.put(KafkaSecurity.PROTOCOL, "SASL_SSL");
        settings.put(KafkaSecurity.SASL_USERNAME, "ingest");
        settings.put(KafkaSecurity.SASL_PASSWORD, "s3cret");
        settings.put(KafkaSecurity.TRUSTSTORE_LOCATION, truststore.toString());
        settings.put(KafkaSecurity.TRUSTSTORE_PASSWORD, "trust-pass");
        return settings;
    }

    @Test
    void withNothingSetClientsArePlaintextAndNothingElse() {
        assertEquals(Map.of("security.protocol", "PLAINTEXT"), read(Map.of()).clientProperties());
        assertEquals(Map.of("security.protocol", "PLAINTEXT"), read(Map.of(KafkaSecurity.PROTOCOL, " ")).clientProperties());
    }

    @Test
    void saslSslCarriesScramCredentialsAndTheTruststore() throws IOException {
        Map<String, String> props = read(saslSsl()).clientProperties();
        assertEquals("SASL_SSL", props.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"ingest\" password=\"s3cret\";",
                props.get("sasl.jaas.config"));
        assertEquals(dir.resolve("ca.p12").toString(), props.get("ssl.truststore.location"));
        assertEquals("PKCS12", props.get("ssl.truststore.type"));
        assertEquals("trust-pass", props.get("ssl.truststore.password"));
        assertFalse(props.containsKey("ssl.keystore.location"));
    }

    @Test
    void aPemCertificateNeedsNoPasswordAndItsTypeComesFromItsName() throws IOException {
        Map<String, String> settings = saslSsl();
        settings.put(KafkaSecurity.TRUSTSTORE_LOCATION, Files.writeString(dir.resolve("ca.crt"), "x").toString());
        settings.remove(KafkaSecurity.TRUSTSTORE_PASSWORD);
        Map<String, String> props = read(settings).clientProperties();
        assertEquals("PEM", props.get("ssl.truststore.type"));
        assertFalse(props.containsKey("ssl.truststore.password"));
    }

    @Test
    void aQuoteInThePasswordCannotEndTheJaasValue() throws IOException {
        Map<String, String> settings = saslSsl();
        settings.put(KafkaSecurity.SASL_PASSWORD, "a\"b\\c");
        assertTrue(read(settings).clientProperties().get("sasl.jaas.config").contains("password=\"a\\\"b\\\\c\";"));
    }

    @Test
    void saslWithoutAPasswordFailsNamingTheVariable() throws IOException {
        Map<String, String> settings = saslSsl();
        settings.remove(KafkaSecurity.SASL_PASSWORD);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(settings));
        assertTrue(e.getMessage().contains("GAMEFLOW_KAFKA_SASL_PASSWORD") && e.getMessage().contains("not set"), e.getMessage());
    }

    @Test
    void credentialsThatPlaintextWouldNotSendAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of(KafkaSecurity.SASL_USERNAME, "ingest")));
        assertTrue(e.getMessage().contains("GAMEFLOW_KAFKA_SASL_USERNAME") && e.getMessage().contains("PLAINTEXT"), e.getMessage());
    }

    @Test
    void unknownProtocolMechanismAndMissingStoresAreRefused() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> read(Map.of(KafkaSecurity.PROTOCOL, "TLS")));
        Map<String, String> mechanism = saslSsl();
        mechanism.put(KafkaSecurity.SASL_MECHANISM, "GSSAPI");
        assertThrows(IllegalArgumentException.class, () -> read(mechanism));
        Map<String, String> missing = saslSsl();
        missing.put(KafkaSecurity.TRUSTSTORE_LOCATION, dir.resolve("absent.p12").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(missing));
        assertTrue(e.getMessage().contains("GAMEFLOW_KAFKA_SSL_TRUSTSTORE_LOCATION"), e.getMessage());
        Map<String, String> keystore = saslSsl();
        keystore.put(KafkaSecurity.KEYSTORE_LOCATION, Files.writeString(dir.resolve("user.p12"), "x").toString());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read(keystore)).getMessage()
                .contains("GAMEFLOW_KAFKA_SSL_KEYSTORE_PASSWORD"));
    }

    @Test
    void toStringShowsNoSecret() throws IOException {
        String text = read(saslSsl()).toString();
        assertTrue(text.contains("ingest"), text);
        assertFalse(text.contains("s3cret") || text.contains("trust-pass"), text);
    }
}

package io.gameflow.streams.support.serde;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A store value as a version byte and its fields in a fixed order, for the stores read and written (and so converted)
 * on every event: engagement-service's per-player stores, where JSON was about a fifth of the stream thread's time
 * (bench/results/profile-engagement-2026-12-01-before.md), and metrics-service's {@code server-health}. Changelogs of
 * these stores are not meant for people.
 *
 * <p>A new field means a new version: the reader keeps reading the old one, so that a running deployment's
 * changelogs stay readable.
 */
public final class CompactSerde<T> implements Serde<T> {

    /** Writes the fields of a value. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(T value, CompactOutput out) throws IOException;
    }

    /** Reads the fields of a value written with {@code version}. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(int version, CompactInput in) throws IOException;
    }

    private final String name;
    private final int version;
    private final Writer<T> writer;
    private final Reader<T> reader;

    public CompactSerde(String name, int version, Writer<T> writer, Reader<T> reader) {
        this.name = name;
        this.version = version;
        this.writer = writer;
        this.reader = reader;
    }

    public byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream data = new DataOutputStream(bytes)) {
            data.writeByte(version);
            writer.write(value, new CompactOutput(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public T deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int written = data.readUnsignedByte();
            if (written > version) {
                throw new SerializationException(name + " written as version " + written + ", this build reads up to "
                        + version + ": a newer release wrote this store");
            }
            return reader.read(written, new CompactInput(data));
        } catch (IOException e) {
            throw new SerializationException("unreadable " + name + " (" + bytes.length + " bytes)", e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return this::serialize;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this::deserialize;
    }
}

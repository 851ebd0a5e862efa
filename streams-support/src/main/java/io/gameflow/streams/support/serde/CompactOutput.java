package io.gameflow.streams.support.serde;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/** The field writers of {@link CompactSerde}: strings of any length (ids come from clients), null allowed. */
public final class CompactOutput {

    private final DataOutputStream out;

    CompactOutput(DataOutputStream out) {
        this.out = out;
    }

    public CompactOutput string(String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
        return this;
    }

    public CompactOutput int64(long value) throws IOException {
        out.writeLong(value);
        return this;
    }

    public CompactOutput int32(int value) throws IOException {
        out.writeInt(value);
        return this;
    }

    /** All 64 bits: the value reads back the very same, -0.0 and the infinities too. */
    public CompactOutput float64(double value) throws IOException {
        out.writeDouble(value);
        return this;
    }

    public CompactOutput bool(boolean value) throws IOException {
        out.writeBoolean(value);
        return this;
    }

    /** Writes whether an optional part is there; true when its fields are to follow. */
    public boolean present(Object part) throws IOException {
        out.writeBoolean(part != null);
        return part != null;
    }

    public CompactOutput strings(Collection<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            string(value);
        }
        return this;
    }

    public CompactOutput longsByString(Map<String, Long> values) throws IOException {
        out.writeInt(values.size());
        for (Map.Entry<String, Long> entry : values.entrySet()) {
            string(entry.getKey());
            out.writeLong(entry.getValue());
        }
        return this;
    }
}

package io.gameflow.streams.support.serde;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The field readers of {@link CompactSerde}, in the order the writer wrote them. */
public final class CompactInput {

    private final DataInputStream in;

    CompactInput(DataInputStream in) {
        this.in = in;
    }

    public String string() throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] utf8 = in.readNBytes(length);
        if (utf8.length < length) {
            throw new EOFException("a string of " + length + " bytes ends after " + utf8.length);
        }
        return new String(utf8, StandardCharsets.UTF_8);
    }

    public long int64() throws IOException {
        return in.readLong();
    }

    public int int32() throws IOException {
        return in.readInt();
    }

    public double float64() throws IOException {
        return in.readDouble();
    }

    public boolean bool() throws IOException {
        return in.readBoolean();
    }

    public List<String> strings() throws IOException {
        int size = in.readInt();
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(string());
        }
        return List.copyOf(values);
    }

    public Map<String, Long> longsByString() throws IOException {
        int size = in.readInt();
        Map<String, Long> values = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            values.put(string(), in.readLong());
        }
        return Map.copyOf(values);
    }
}

package io.gameflow.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Gzip bodies for the tests, a bomb among them. */
final class Gzip {

    private Gzip() {
    }

    static byte[] of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] of(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A few kilobytes that inflate to {@code inflatedBytes} of spaces. */
    static byte[] bomb(int inflatedBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            byte[] spaces = new byte[64 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int written = 0; written < inflatedBytes; written += spaces.length) {
                gzip.write(spaces, 0, Math.min(spaces.length, inflatedBytes - written));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

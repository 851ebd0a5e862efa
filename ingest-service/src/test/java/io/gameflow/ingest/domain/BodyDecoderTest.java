package io.gameflow.ingest.domain;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BodyDecoderTest {

    private final BodyDecoder decoder = new BodyDecoder(100);

    @Test
    void passesAPlainBodyAndInflatesGzip() throws IOException {
        byte[] body = "[{\"a\":1}]".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(body, decoder.decode(body, null));
        assertArrayEquals(body, decoder.decode(body, "identity"));
        assertArrayEquals(body, decoder.decode(gzip(body), "gzip"));
        assertArrayEquals(body, decoder.decode(gzip(body), " GZIP "));
    }

    @Test
    void theCapHoldsAsSentAndAsInflated() throws IOException {
        assertArrayEquals(new byte[100], decoder.decode(gzip(new byte[100]), "gzip"));
        assertThrows(BodyTooLargeException.class, () -> decoder.decode(new byte[101], null));
        assertThrows(BodyTooLargeException.class, () -> decoder.decode(gzip(new byte[101]), "gzip"));
    }

    @Test
    void refusesBrokenGzipAndOtherEncodings() {
        assertThrows(MalformedBodyException.class, () -> decoder.decode("{}".getBytes(StandardCharsets.UTF_8), "gzip"));
        assertThrows(UnsupportedContentEncodingException.class, () -> decoder.decode(new byte[1], "br"));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}

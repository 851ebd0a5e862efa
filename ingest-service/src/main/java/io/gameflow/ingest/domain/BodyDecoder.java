package io.gameflow.ingest.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Undoes the Content-Encoding of a body, never inflating more than the size cap: a small gzip bomb must end in
 * 413, not in an out-of-memory.
 */
public final class BodyDecoder {

    private final int maxBytes;

    public BodyDecoder(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * @throws BodyTooLargeException    when the body, sent or inflated, is larger than the cap
     * @throws UnsupportedContentEncodingException when the encoding is neither identity nor gzip
     * @throws MalformedBodyException   when a gzip body is not valid gzip
     */
    public byte[] decode(byte[] body, String contentEncoding) {
        if (body.length > maxBytes) {
            throw new BodyTooLargeException("the body is " + body.length + " bytes; send at most " + maxBytes
                    + " bytes per request (split the batch)");
        }
        String encoding = contentEncoding == null ? "identity" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "", "identity" -> body;
            case "gzip", "x-gzip" -> inflate(body);
            default -> throw new UnsupportedContentEncodingException("Content-Encoding '" + contentEncoding
                    + "' is not supported; send the body as it is or with Content-Encoding: gzip");
        };
    }

    private byte[] inflate(byte[] body) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            // one byte past the cap tells "too large" apart from "exactly the cap"
            byte[] inflated = in.readNBytes(maxBytes + 1);
            if (inflated.length > maxBytes) {
                throw new BodyTooLargeException("the gzip body inflates to more than " + maxBytes
                        + " bytes; send at most " + maxBytes + " bytes of events per request (split the batch)");
            }
            return inflated;
        } catch (IOException e) {
            throw new MalformedBodyException("the body is not valid gzip (Content-Encoding: gzip): " + e.getMessage());
        }
    }
}

package io.gameflow.metrics.api;

import jakarta.ws.rs.BadRequestException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The paging of {@code GET /v1/servers}: {@code limit} servers at most per page, and an opaque cursor, the last
 * server id of the page in base64url, from which the next page starts after. Ids are unique and ordered, so paging
 * visits every server once and ends, whichever instance answers and however the partitions move between pages.
 */
final class ServerPaging {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    private ServerPaging() {
    }

    static int limit(String text) {
        return limit(text, MAX_LIMIT);
    }

    /** A peer asks for one more than a page, to know whether another page follows. */
    static int limit(String text, int max) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new BadRequestException("limit must be a whole number from 1 to " + max + "; got '" + text + "'");
    }

    /** The server id a cursor continues after; null (from the first) without one. */
    static String after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String after = StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor.trim()))).toString();
            if (!after.isEmpty() && after.chars().noneMatch(Character::isISOControl) && cursor(after).equals(cursor.trim())) {
                return after;
            }
        } catch (IllegalArgumentException | CharacterCodingException notOurs) {
            // answered below
        }
        throw new BadRequestException("cursor must be a next_cursor of an earlier answer, as given; got '" + cursor
                + "' (leave it out to start from the first server)");
    }

    static String cursor(String lastServerId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastServerId.getBytes(StandardCharsets.UTF_8));
    }
}

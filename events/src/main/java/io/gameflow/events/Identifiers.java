package io.gameflow.events;

import java.util.Optional;

/**
 * The form of the names a client gives things: {@code player_id}, {@code session_id}, {@code user_id},
 * {@code level_id}, {@code map_id}, {@code item_id}, {@code item_type}, {@code server_id}, {@code region} and
 * {@code server_type}. ASCII letters, digits and {@code _ . : -}, 1 to {@value #MAX_LENGTH} characters.
 *
 * <p>Narrow on purpose: these values become record keys, state-store keys, URL path segments, metric labels and text
 * on the live page, and none of those should have to defend itself against markup, quotes, separators, control
 * characters or look-alike letters that no game needs in an id.
 */
public final class Identifiers {

    public static final int MAX_LENGTH = 64;
    /** The allowed characters, as an error message names them. */
    public static final String ALLOWED = "letters A-Z a-z, digits 0-9 and _ . : -";

    private Identifiers() {
    }

    /** What is wrong with {@code value} as an identifier, or empty when nothing is. */
    public static Optional<String> problemOf(String value) {
        if (value.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters (" + ALLOWED + "), got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isAllowed(c)) {
                return Optional.of("may hold only " + ALLOWED + "; character " + (i + 1) + " is " + describe(value.codePointAt(i)));
            }
        }
        return Optional.empty();
    }

    private static boolean isAllowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '.' || c == ':' || c == '-';
    }

    /** The offending character itself only when it is printable ASCII: the message must not carry what it refuses. */
    private static String describe(int codePoint) {
        String code = String.format("U+%04X", codePoint);
        return codePoint > 0x20 && codePoint < 0x7F ? "'" + (char) codePoint + "' (" + code + ")" : code;
    }
}

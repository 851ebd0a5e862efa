package io.gameflow.events;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadKeysTest {

    private static final String SETTING = "READ_KEYS";
    private final ReadKeys keys = ReadKeys.of(true, List.of("dashboard:key-one", " ops : key-two "), SETTING);

    @Test
    void guardsThePublicAndTheInternalApiOnly() {
        assertTrue(keys.guards("/v1/engagement/levels"));
        assertTrue(keys.guards("/internal/v1/cells"));
        for (String open : List.of("/", "/static/bundle/main.js", "/q/health/ready", "/q/metrics", "/v10", "/v1x/a")) {
            assertFalse(keys.guards(open), open);
            assertEquals(Optional.empty(), keys.refusal(open, null), open);
        }
    }

    @Test
    void passesAnyConfiguredKeyAndSaysWhatIsWrongOtherwise() {
        assertEquals(Optional.empty(), keys.refusal("/v1/regions", "key-one"));
        assertEquals(Optional.empty(), keys.refusal("/v1/regions", " key-two "));
        assertEquals(Optional.of("this API needs a read key: send it in the X-Read-Key header"), keys.refusal("/v1/regions", null));
        assertEquals(Optional.of("this API needs a read key: send it in the X-Read-Key header"), keys.refusal("/v1/regions", " "));
        assertEquals(Optional.of("the read key in X-Read-Key is not valid"), keys.refusal("/v1/regions", "key-on"));
    }

    @Test
    void offLetsEverythingPassAndPeersSendNothing() {
        ReadKeys off = ReadKeys.of(false, List.of(), SETTING);
        assertFalse(off.guards("/v1/regions"));
        assertEquals(Optional.empty(), off.refusal("/v1/regions", null));
        assertEquals(Optional.empty(), off.peerKey());
        assertEquals(Optional.of("key-one"), keys.peerKey());
    }

    @Test
    void refusesASettingThatCannotWork() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReadKeys.of(true, List.of(), SETTING))
                .getMessage().contains("set READ_KEYS"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReadKeys.of(true, List.of("no-colon"), SETTING))
                .getMessage().contains("without ':'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReadKeys.of(true, List.of("a:"), SETTING))
                .getMessage().contains("empty key"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReadKeys.of(true, List.of("a:x", "a:y"), SETTING))
                .getMessage().contains("given twice"));
    }
}

package io.gameflow.events;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeerKeyTest {

    private static final String SETTING = "PEER_KEY";
    private static final String KEY = "0123456789abcdef-peer";
    private final PeerKey on = PeerKey.of(true, Optional.of(" " + KEY + " "), SETTING);

    @Test
    void guardsTheInternalApiOnly() {
        assertTrue(on.guards("/internal/v1/cells"));
        assertTrue(on.guards("/internal"));
        for (String open : List.of("/", "/v1/regions", "/q/health/ready", "/q/metrics", "/internalx", "/v1/internal/x")) {
            assertFalse(on.guards(open), open);
            assertEquals(Optional.empty(), on.refusal(open, null), open);
        }
    }

    @Test
    void passesOnlyTheKey() {
        assertEquals(Optional.empty(), on.refusal("/internal/v1/cells", KEY));
        assertEquals(Optional.empty(), on.refusal("/internal/v1/cells", " " + KEY));
        for (String wrong : new String[] {null, "", " ", KEY + "x", KEY.substring(1), "dashboard-read-key"}) {
            assertEquals(Optional.of("the internal API is for the instances of this service only"),
                    on.refusal("/internal/v1/cells", wrong), String.valueOf(wrong));
        }
    }

    @Test
    void sendsTheKeyWhenOnAndNothingWhenOff() {
        assertEquals(Optional.of(KEY), on.header());
        PeerKey off = PeerKey.of(false, Optional.empty(), SETTING);
        assertEquals(Optional.empty(), off.header());
        assertFalse(off.guards("/internal/v1/cells"));
        assertEquals(Optional.empty(), off.refusal("/internal/v1/cells", null));
    }

    @Test
    void refusesToStartOnWithoutALongEnoughKey() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> PeerKey.of(true, Optional.empty(), SETTING));
        assertTrue(missing.getMessage().contains(SETTING + " is not set"), missing.getMessage());
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> PeerKey.of(true, Optional.of("short"), SETTING));
        assertTrue(tooShort.getMessage().contains("shorter than 16"), tooShort.getMessage());
    }

    @Test
    void neverShowsTheKey() {
        assertFalse(on.toString().contains(KEY));
    }
}

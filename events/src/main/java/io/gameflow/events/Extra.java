package io.gameflow.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Unknown fields of an event, kept in their order so they survive a round trip. */
final class Extra {

    private Extra() {
    }

    static Map<String, Object> copy(Map<String, Object> extra) {
        return extra == null || extra.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }
}

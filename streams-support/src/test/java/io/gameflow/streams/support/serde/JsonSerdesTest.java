package io.gameflow.streams.support.serde;

import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonSerdesTest {

    public record LevelCount(String levelId, long playersNow) {
    }

    @Test
    void storesSnakeCaseJsonAndReadsItBack() {
        Serde<LevelCount> serde = JsonSerdes.of(LevelCount.class);
        byte[] stored = serde.serializer().serialize("t", new LevelCount("level_1", 3));

        assertEquals("{\"level_id\":\"level_1\",\"players_now\":3}", new String(stored, StandardCharsets.UTF_8));
        assertEquals(new LevelCount("level_1", 3), serde.deserializer().deserialize("t", stored));
    }
}

package io.gameflow.streams.support.rocksdb;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BoundedRocksDbTest {

    @Test
    void theSizeComesFromTheConfigAsEachServiceSetsIt() {
        assertEquals(32L * 1024 * 1024, BoundedRocksDb.memory("33554432"));
        assertEquals(64L * 1024 * 1024, BoundedRocksDb.memory(" 67108864 "));
    }

    @Test
    void unsetIs64MiB() {
        assertEquals(BoundedRocksDb.DEFAULT_MEMORY_BYTES, BoundedRocksDb.memory(null));
        assertEquals(64L * 1024 * 1024, BoundedRocksDb.memory(" "));
    }

    @Test
    void lessThan8MiBIsRefused() {
        assertEquals(8L * 1024 * 1024, BoundedRocksDb.memory(Long.toString(8L * 1024 * 1024)));
        assertThrows(IllegalArgumentException.class, () -> BoundedRocksDb.memory(Long.toString(8L * 1024 * 1024 - 1)));
    }
}

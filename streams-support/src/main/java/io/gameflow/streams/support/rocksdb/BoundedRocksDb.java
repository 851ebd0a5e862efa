package io.gameflow.streams.support.rocksdb;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;

import java.util.Map;

/**
 * Bounds the memory of all RocksDB stores of the process together. By default every store of every partition has
 * its own block cache and memtables, so a dozen stores on six partitions take hundreds of MiB outside the heap; here
 * they share one cache of {@code gameflow.rocksdb.memory.bytes} (passed through as {@code kafka-streams.*}: each
 * service sets its own size; 64 MiB when unset), half of it for memtables, counted against the cache. This is the
 * setup of Kafka Streams' memory-management guide, with memtables small enough for many stores to share the budget
 * ({@link SharedRocksDbMemory}).
 */
@RegisterForReflection
public class BoundedRocksDb implements RocksDBConfigSetter {

    public static final String MEMORY_BYTES = "gameflow.rocksdb.memory.bytes";
    static final long DEFAULT_MEMORY_BYTES = 64L * 1024 * 1024;

    private static SharedRocksDbMemory shared;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        SharedRocksDbMemory memory;
        synchronized (BoundedRocksDb.class) {
            if (shared == null) {
                shared = new SharedRocksDbMemory(memory(configs.get(MEMORY_BYTES)));
            }
            memory = shared;
        }
        memory.applyTo(options);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager are shared by every store of the process: never closed per store
    }

    static long memory(Object configured) {
        if (configured == null || configured.toString().isBlank()) {
            return DEFAULT_MEMORY_BYTES;
        }
        long bytes = Long.parseLong(configured.toString().trim());
        if (bytes < 8L * 1024 * 1024) {
            throw new IllegalArgumentException(MEMORY_BYTES + " must be at least 8 MiB, got " + bytes);
        }
        return bytes;
    }
}

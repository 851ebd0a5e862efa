package io.gameflow.streams.support.rocksdb;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real RocksDB instances sharing one {@link SharedRocksDbMemory}, laid out as engagement-service's 48 store instances:
 * 47 quiet stores that hold some records in their memtables, and one busy store taking every write.
 */
class SharedRocksDbMemoryTest {

    private static final long MIB = 1024 * 1024;
    private static final int STORES = 48;

    static {
        RocksDB.loadLibrary();
    }

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void aBusyStoreFlushesWholeMemtablesWhileQuietStoresHoldTheirs(@TempDir Path dir) throws Exception {
        SharedRocksDbMemory memory = new SharedRocksDbMemory(64 * MIB);
        WriteOptions noWal = track(new WriteOptions().setDisableWAL(true));
        List<RocksDB> quiet = new ArrayList<>();
        for (int i = 0; i < STORES - 1; i++) {
            quiet.add(open(memory, dir.resolve("quiet-" + i)));
        }
        RocksDB busy = open(memory, dir.resolve("busy"));

        // each quiet store gets 700 KiB: 33 MiB in all, past the trigger of the manager's 32 MiB if memtables could
        // hold that much (as 4 MiB ones could)
        for (RocksDB store : quiet) {
            write(store, noWal, 700 * 1024, "quiet");
        }
        long busyBytes = 3 * MIB;
        write(busy, noWal, busyBytes, "busy");
        busy.flush(track(new FlushOptions().setWaitForFlush(true)));

        long files = Long.parseLong(busy.getProperty("rocksdb.num-files-at-level0"));
        long wholeMemtables = busyBytes / memory.memtableBytes();
        assertTrue(files <= wholeMemtables + 2,
                "the busy store wrote " + files + " files for " + busyBytes + " bytes; whole memtables of "
                        + memory.memtableBytes() + " bytes would be " + wholeMemtables + " and the last one");
    }

    @Test
    void theMemtablesOf112HalfFullStoresStayUnderTheManagersTrigger() {
        long total = 64 * MIB;
        long memtable = new SharedRocksDbMemory(total).memtableBytes();
        assertTrue(112 * memtable / 2 <= total / 2 * 7 / 8, memtable + " bytes a memtable");
    }

    private RocksDB open(SharedRocksDbMemory memory, Path path) throws RocksDBException {
        // as Kafka Streams hands them to a config setter: with a block-based table config of its own
        Options options = track(new Options().setCreateIfMissing(true).setDisableAutoCompactions(true)
                .setTableFormatConfig(new BlockBasedTableConfig()));
        memory.applyTo(options);
        return track(RocksDB.open(options, path.toString()));
    }

    /** Writes about {@code bytes} of 100-byte values under keys of their own. */
    private static void write(RocksDB store, WriteOptions options, long bytes, String prefix) throws RocksDBException {
        byte[] value = new byte[100];
        for (long i = 0; i < bytes / (value.length + 16); i++) {
            store.put(options, String.format("%s-%010d", prefix, i).getBytes(), value);
        }
    }

    private <T extends AutoCloseable> T track(T closeable) {
        opened.add(closeable);
        return closeable;
    }
}

package io.gameflow.streams.support.rocksdb;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * The memory all RocksDB stores of a process share: one block cache of {@code totalBytes}, half of it the memtable
 * budget of a write buffer manager charged against that cache, and each store's memtable size.
 * <p>
 * Each memtable is small next to the budget ({@link #MEMTABLES_PER_BUDGET} of them fill it). The manager flushes only
 * the store being written when its budget is nearly full, never the others. With 4 MiB memtables, the many stores that
 * are written rarely (a task's {@code user-purchases}, the dedupe segments) held most of the budget in memtables that
 * never filled. The manager then asked for a flush on every write, and the busy {@code players} store wrote an SST file
 * of a few records each time: thousands of files and their compactions, up to a fifth of engagement-service's CPU.
 * Now half-full memtables of 112 store instances stay under the manager's trigger (7/8 of its budget): more than twice
 * the 48 that engagement-service opens with 6 partitions.
 */
final class SharedRocksDbMemory {

    /** How many full memtables fill the budget. */
    static final int MEMTABLES_PER_BUDGET = 64;

    private final Cache cache;
    private final WriteBufferManager writeBuffers;
    private final long memtableBytes;

    SharedRocksDbMemory(long totalBytes) {
        long memtableBudget = totalBytes / 2;
        this.cache = new LRUCache(totalBytes, -1, false, 0.1);
        this.writeBuffers = new WriteBufferManager(memtableBudget, cache);
        this.memtableBytes = memtableBudget / MEMTABLES_PER_BUDGET;
    }

    long memtableBytes() {
        return memtableBytes;
    }

    /** Makes one store use the shared cache and budget. */
    void applyTo(Options options) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBuffers);
        options.setMaxWriteBufferNumber(2);
        options.setWriteBufferSize(memtableBytes);
        options.setTableFormatConfig(table);
    }
}

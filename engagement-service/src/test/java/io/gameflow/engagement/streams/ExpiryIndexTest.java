package io.gameflow.engagement.streams;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExpiryIndexTest {

    private KeyValueStore<String, String> store;

    @BeforeEach
    void openStore() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("expiry"), Serdes.String(), Serdes.String())
                .withLoggingDisabled().build();
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        store.init(context.getStateStoreContext(), store);
    }

    @Test
    void takesOutWhatIsDueEarliestFirstAndLeavesTheRest() {
        ExpiryIndex index = new ExpiryIndex(store, "");
        index.add(3_000, "c");
        index.add(1_000, "a");
        index.add(2_000, "b");
        index.add(9_000, "later");

        assertEquals(List.of("a", "b", "c"), index.takeDue(3_000));
        assertEquals(List.of(), index.takeDue(3_000));
        assertEquals(List.of("later"), index.takeDue(9_000));
    }

    @Test
    void findsAnEntryAddedBehindTheLastSweep() {
        ExpiryIndex index = new ExpiryIndex(store, "");
        index.add(5_000, "a");
        assertEquals(List.of("a"), index.takeDue(10_000));

        // the sweep ran ahead (stream time carried on by the wall clock); an event then lands an earlier due time
        index.add(7_000, "late");
        assertEquals(List.of("late"), index.takeDue(10_500));
    }

    @Test
    void anEntryMovedOnBySweepFallsDueAgainLater() {
        ExpiryIndex index = new ExpiryIndex(store, "");
        index.add(1_000, "moved");

        assertEquals(List.of("moved"), index.takeDue(2_000));
        index.add(4_000, "moved");
        assertEquals(List.of(), index.takeDue(3_999));
        assertEquals(List.of("moved"), index.takeDue(4_000));
    }

    @Test
    void theSameIdAndTimeAddedTwiceIsOneEntry() {
        ExpiryIndex index = new ExpiryIndex(store, "");
        index.add(1_000, "twice");
        index.add(1_000, "twice");

        assertEquals(List.of("twice"), index.takeDue(1_000));
    }

    @Test
    void indexesWithDifferentPrefixesShareAStoreWithoutSeeingEachOther() {
        ExpiryIndex minute = new ExpiryIndex(store, "0|");
        ExpiryIndex hour = new ExpiryIndex(store, "1|");
        minute.add(60_000, "p");
        hour.add(3_600_000, "p");

        assertEquals(List.of("p"), minute.takeDue(4_000_000));
        assertEquals(List.of(), hour.takeDue(60_000));
        assertEquals(List.of("p"), hour.takeDue(3_600_000));
    }

    @Test
    void aFreshIndexOverAStoreWithEntriesFindsThemAll() {
        new ExpiryIndex(store, "").add(1_000, "before-restart");

        assertEquals(List.of("before-restart"), new ExpiryIndex(store, "").takeDue(2_000));
    }
}

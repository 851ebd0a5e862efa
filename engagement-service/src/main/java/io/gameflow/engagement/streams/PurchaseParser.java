package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.Purchase;
import io.gameflow.events.EventKind;
import io.gameflow.events.PurchaseEvent;
import io.gameflow.events.TopicRecordReader;

import java.time.Duration;
import java.time.Instant;

/**
 * Reads a raw {@code purchase-events} record: a purchase, or why it is unusable (not JSON, not a valid purchase
 * event, keyed by something else than its user_id, or dated further ahead of the clock than allowed).
 */
final class PurchaseParser {

    private static final TopicRecordReader<PurchaseEvent> READER = new TopicRecordReader<>(EventKind.TRANSACTION, PurchaseEvent.class);

    private PurchaseParser() {
    }

    static Reading<Purchase> read(String key, String value, Duration maxFuture) {
        TopicRecordReader.Reading<PurchaseEvent> reading = READER.read(value);
        if (!reading.isEvent()) {
            return Reading.unusable(value, reading.problem());
        }
        Purchase purchase = Purchase.of(reading.event());
        if (!purchase.userId().equals(key)) {
            return Reading.unusable(value, "record key '" + key + "' is not user_data.user_id '" + purchase.userId() + "'");
        }
        if (Instant.ofEpochMilli(purchase.eventTimeMs()).isAfter(Instant.now().plus(maxFuture))) {
            return Reading.unusable(value, "event_timestamp " + reading.event().eventTimestamp() + " is more than "
                    + maxFuture + " ahead of the clock; the sender's clock is wrong");
        }
        return Reading.of(value, purchase);
    }
}

package io.gameflow.engagement.streams;

import io.gameflow.engagement.observability.EngagementMeters;
import io.gameflow.engagement.domain.Purchase;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import java.time.Duration;

/**
 * Lets a purchase or refund into revenue and the fraud rules once: a copy with an {@code event_id} seen within the
 * dedupe window is dropped, as for player events. Runs keyed by user, so the copies of one event meet in one task.
 */
final class AdmitPurchases implements FixedKeyProcessor<String, Purchase, Purchase> {

    private final Duration window;
    private final EngagementMeters meters;
    private FixedKeyProcessorContext<String, Purchase> context;
    private SeenEventIds seen;

    AdmitPurchases(Duration window, EngagementMeters meters) {
        this.window = window;
        this.meters = meters;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Purchase> context) {
        this.context = context;
        this.seen = new SeenEventIds(context.getStateStore(PurchaseTopology.EVENT_IDS_STORE), window);
    }

    @Override
    public void process(FixedKeyRecord<String, Purchase> record) {
        if (seen.firstSighting(record.headers(), record.value().eventTimeMs())) {
            context.forward(record);
        } else {
            meters.duplicate();
        }
    }
}

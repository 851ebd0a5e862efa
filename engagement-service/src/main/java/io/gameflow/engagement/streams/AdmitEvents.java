package io.gameflow.engagement.streams;

import io.gameflow.engagement.observability.EngagementMeters;
import io.gameflow.engagement.domain.PlayerAction;
import io.gameflow.engagement.domain.PlayerState;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;

/**
 * Lets an event into the analytics unless it is late or a duplicate, so that every count downstream agrees:
 * <ul>
 *   <li>late: more than the grace period behind its player's latest event (a client whose clock is off harms only
 *       its own events);</li>
 *   <li>duplicate: its {@code event_id} header was seen within the window (event time), as when a client or ingest
 *       sent a batch again ({@link SeenEventIds}).</li>
 * </ul>
 * Runs keyed by player, so a player's events and the same event's copies always reach the same task.
 */
final class AdmitEvents implements FixedKeyProcessor<String, PlayerAction, PlayerAction> {

    private final Duration window;
    private final Duration grace;
    private final EngagementMeters meters;
    private FixedKeyProcessorContext<String, PlayerAction> context;
    private SeenEventIds seen;
    private KeyValueStore<String, PlayerState> players;

    AdmitEvents(Duration window, Duration grace, EngagementMeters meters) {
        this.window = window;
        this.grace = grace;
        this.meters = meters;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, PlayerAction> context) {
        this.context = context;
        this.seen = new SeenEventIds(context.getStateStore(EngagementTopology.EVENT_IDS_STORE), window);
        this.players = context.getStateStore(EngagementTopology.PLAYER_STATE_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, PlayerAction> record) {
        PlayerState player = players.get(record.key());
        if (player != null && record.value().eventTimeMs() < player.lastEvent() - grace.toMillis()) {
            meters.late();
            return;
        }
        if (seen.firstSighting(record.headers(), record.value().eventTimeMs())) {
            context.forward(record);
        } else {
            meters.duplicate();
        }
    }
}

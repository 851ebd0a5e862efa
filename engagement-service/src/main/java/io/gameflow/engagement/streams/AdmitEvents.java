package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.PlayerAction;
import io.gameflow.events.EventHeaders;
import io.gameflow.engagement.domain.PlayerState;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Lets an event into the analytics unless it is late or a duplicate, so that every count downstream agrees:
 * <ul>
 *   <li>late: more than the grace period behind its player's latest event (a client whose clock is off harms only
 *       its own events);</li>
 *   <li>duplicate: its {@code event_id} header was seen within the window (event time), as when a client or ingest
 *       sent a batch again. The ids live in a window store that forgets them after the window. Events without the
 *       header pass.</li>
 * </ul>
 * Runs keyed by player, so a player's events and the same event's copies always reach the same task.
 */
final class AdmitEvents implements FixedKeyProcessor<String, PlayerAction, PlayerAction> {

    private final Duration window;
    private final Duration grace;
    private final EngagementMeters meters;
    private FixedKeyProcessorContext<String, PlayerAction> context;
    private WindowStore<String, Long> seen;
    private KeyValueStore<String, PlayerState> players;

    AdmitEvents(Duration window, Duration grace, EngagementMeters meters) {
        this.window = window;
        this.grace = grace;
        this.meters = meters;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, PlayerAction> context) {
        this.context = context;
        this.seen = context.getStateStore(EngagementTopology.EVENT_IDS_STORE);
        this.players = context.getStateStore(EngagementTopology.PLAYER_STATE_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, PlayerAction> record) {
        PlayerState player = players.get(record.key());
        if (player != null && record.value().eventTimeMs() < player.lastEvent() - grace.toMillis()) {
            meters.late();
            return;
        }
        Header header = record.headers().lastHeader(EventHeaders.EVENT_ID);
        if (header == null) {
            context.forward(record);
            return;
        }
        String eventId = new String(header.value(), StandardCharsets.UTF_8);
        long time = record.value().eventTimeMs();
        try (WindowStoreIterator<Long> earlier = seen.fetch(eventId, time - window.toMillis(), time + window.toMillis())) {
            if (earlier.hasNext()) {
                meters.duplicate();
                return;
            }
        }
        seen.put(eventId, time, time);
        context.forward(record);
    }
}

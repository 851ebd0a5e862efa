package io.gameflow.generator.messaging;

import io.gameflow.generator.domain.GeneratedEvent;

import java.time.Duration;
import java.util.List;

/** Where generated events go; outcomes are reported to {@link SendStats}. */
public interface EventSink {

    /** Hands the events over; never blocks. */
    void send(List<GeneratedEvent> events);

    /** Events handed over and not yet acknowledged by the destination. */
    long backlog();

    /**
     * How many more events the destination takes now without piling them up or refusing them: the generator hands over
     * no more in a tick, and so falls behind its set rate rather than lose events it would count as sent.
     */
    long room();

    /** Waits up to the timeout for the backlog to be delivered; false when some is left. */
    boolean flush(Duration timeout);
}

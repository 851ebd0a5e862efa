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

    /** False while the destination cannot keep up: the generator then holds back rather than pile events up. */
    boolean hasRoom();

    /** Waits up to the timeout for the backlog to be delivered; false when some is left. */
    boolean flush(Duration timeout);
}

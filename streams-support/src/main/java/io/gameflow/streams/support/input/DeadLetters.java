package io.gameflow.streams.support.input;

import io.gameflow.events.EventLogContext;
import io.gameflow.streams.support.trace.RecordTracing;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;

/**
 * Passes an unusable record on to its dead-letter topic as it was received, with why and where from in headers, and
 * counts it. Each {@code dlq_*} header is set, not added: a record that was dead-lettered before and sent again
 * carries one reason and one origin, the latest (docs/architecture.md, "Headers"); every other header, event_id
 * included, stays as received.
 */
public final class DeadLetters<T> implements Processor<String, Reading<T>, String, String> {

    public static final String ERROR = "dlq_error";
    public static final String TOPIC = "dlq_topic";
    public static final String PARTITION = "dlq_partition";
    public static final String OFFSET = "dlq_offset";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final Runnable counted;
    private ProcessorContext<String, String> context;

    public DeadLetters(Runnable counted) {
        this.counted = counted;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Reading<T>> record) {
        counted.run();
        Headers headers = record.headers();
        set(headers, ERROR, record.value().problem());
        context.recordMetadata().ifPresent(source -> {
            set(headers, TOPIC, source.topic());
            set(headers, PARTITION, Integer.toString(source.partition()));
            set(headers, OFFSET, Long.toString(source.offset()));
        });
        if (LOG.isDebugEnabled()) {
            // by its event id and offset, not its key: the key is a client's text
            String eventId = RecordTracing.eventIdOf(headers);
            try (EventLogContext about = EventLogContext.about(eventId)) {
                LOG.debugf("dead-lettered event %s (%s): %s", eventId,
                        context.recordMetadata().map(m -> m.topic() + "@" + m.offset()).orElse("no offset"), record.value().problem());
            }
        }
        context.forward(record.withValue(record.value().raw()).withHeaders(headers));
    }

    private static void set(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

package io.gameflow.metrics.api;

import io.gameflow.streams.support.http.NotReady;
import io.gameflow.streams.support.http.NotReadyMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** What this service answers, with the shared 503 and Retry-After, while its stores cannot be read. */
@ApplicationScoped
public class NotReadyMessageProducer {

    @Produces
    @Singleton
    NotReadyMessage notReady() {
        return new NotReadyMessage("the server state is not queryable yet (Kafka Streams is starting, rebalancing or "
                + "restoring); retry after " + NotReady.RETRY_AFTER_SECONDS + " s");
    }
}

package io.gameflow.ingest.api;

import io.gameflow.ingest.config.IngestConfig;
import io.gameflow.ingest.domain.TokenBucket;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Events per second per API key, a token bucket each: one noisy client cannot starve the others. */
@ApplicationScoped
public class RateLimiter {

    private final double eventsPerSecond;
    private final int burst;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(IngestConfig config) {
        this.eventsPerSecond = config.rateLimit().eventsPerSecond();
        this.burst = config.rateLimit().burst().orElse((int) Math.max(1, Math.ceil(eventsPerSecond)));
        // fail at start, not on the first request, when the settings make no bucket
        new TokenBucket(eventsPerSecond, burst, System::nanoTime);
    }

    private String rate() {
        return eventsPerSecond == Math.rint(eventsPerSecond) ? Long.toString((long) eventsPerSecond) : Double.toString(eventsPerSecond);
    }

    /** @throws RateLimitedException when the key has sent more than its rate allows */
    public void admit(String keyName, int events) {
        long waitNanos = buckets.computeIfAbsent(keyName, name -> new TokenBucket(eventsPerSecond, burst, System::nanoTime))
                .tryTake(events);
        if (waitNanos > 0) {
            long retryAfter = Math.max(1, (long) Math.ceil(waitNanos / (double) TimeUnit.SECONDS.toNanos(1)));
            throw new RateLimitedException(retryAfter, "the API key '" + keyName + "' may send " + rate()
                    + " events/s (bursts of " + burst + "); this request of " + events + " events is over it, retry after "
                    + retryAfter + " s or send fewer events per second");
        }
    }
}

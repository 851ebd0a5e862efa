package io.gameflow.ingest.domain;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenBucketTest {

    private final AtomicLong now = new AtomicLong();
    private final TokenBucket bucket = new TokenBucket(100, 200, now::get);

    @Test
    void aFullBucketGivesItsBurstThenTellsHowLongToWait() {
        assertEquals(0, bucket.tryTake(150));
        assertEquals(0, bucket.tryTake(50));
        // 10 more tokens at 100/s: 100 ms
        assertEquals(TimeUnit.MILLISECONDS.toNanos(100), bucket.tryTake(10));
    }

    @Test
    void tokensFlowBackAtTheRateUpToTheCapacity() {
        assertEquals(0, bucket.tryTake(200));
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        assertEquals(0, bucket.tryTake(50));
        assertEquals(TimeUnit.MILLISECONDS.toNanos(10), bucket.tryTake(1));
        now.addAndGet(TimeUnit.SECONDS.toNanos(60));
        assertEquals(0, bucket.tryTake(200));
        assertEquals(TimeUnit.MILLISECONDS.toNanos(10), bucket.tryTake(1), "the bucket never holds more than its capacity");
    }

    @Test
    void aRefusedRequestTakesNothing() {
        assertEquals(0, bucket.tryTake(190));
        bucket.tryTake(20);
        assertEquals(0, bucket.tryTake(10));
    }

    @Test
    void aRequestLargerThanTheBurstPassesWhenTheBucketIsFullAndIsPaidBackInFull() {
        assertEquals(0, bucket.tryTake(1000));
        // 800 tokens of debt plus a full burst of 200, at 100/s
        assertEquals(TimeUnit.SECONDS.toNanos(10), bucket.tryTake(1000));
        now.addAndGet(TimeUnit.SECONDS.toNanos(8));
        // the debt is paid: the bucket is empty, and one token is 10 ms away
        assertEquals(TimeUnit.MILLISECONDS.toNanos(10), bucket.tryTake(1));
    }

    @Test
    void refusesSettingsThatMakeNoBucket() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 10, now::get));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(10, 0, now::get));
    }
}

package io.gameflow.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * Every POST /v1/events the load client made: when it started, how long it waited for its answer, and what the answer
 * was. The figures of the chaos report (requests, refusals, the longest wait) and the broker's recovery (the first 200
 * of a request sent after its restart) come from here.
 */
final class IngestRequestLog {

    enum Outcome {
        /** 200: every event of the batch is on its topic. */
        ACKNOWLEDGED,
        /** 503 kafka_unavailable: resend after Retry-After. */
        UNAVAILABLE,
        /** Connection refused or reset, or no complete answer: ingest is down or died while answering. */
        CONNECTION_FAILED,
        /** No answer within the client's own timeout, far beyond ingest's promise. */
        TIMED_OUT,
        /** Anything else (429, 4xx, 500): never expected in this test. */
        UNEXPECTED
    }

    record Request(long startNanos, long endNanos, Outcome outcome, int status, String detail) {

        Duration waited() {
            return Duration.ofNanos(endNanos - startNanos);
        }

        boolean refused() {
            return outcome == Outcome.UNAVAILABLE || outcome == Outcome.CONNECTION_FAILED || outcome == Outcome.TIMED_OUT;
        }
    }

    private final List<Request> requests = new ArrayList<>();

    synchronized void add(Request request) {
        requests.add(request);
    }

    synchronized List<Request> all() {
        return List.copyOf(requests);
    }

    synchronized long sent() {
        return requests.size();
    }

    synchronized long count(Outcome outcome) {
        return requests.stream().filter(r -> r.outcome() == outcome).count();
    }

    synchronized long refused() {
        return requests.stream().filter(Request::refused).count();
    }

    synchronized Duration maxWait() {
        return requests.stream().map(Request::waited).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }

    /** The requests that waited longer than {@code bound}, slowest first. */
    synchronized List<Request> waitedLongerThan(Duration bound) {
        return requests.stream().filter(r -> r.waited().compareTo(bound) > 0)
                .sorted(Comparator.comparing(Request::waited).reversed()).toList();
    }

    synchronized List<Request> unexpected() {
        return requests.stream().filter(r -> r.outcome() == Outcome.UNEXPECTED).toList();
    }

    /** When the first request sent at or after {@code nanos} was answered 200. */
    synchronized OptionalLong firstAcknowledgedSentAfter(long nanos) {
        return requests.stream().filter(r -> r.outcome() == Outcome.ACKNOWLEDGED && r.startNanos() >= nanos)
                .mapToLong(Request::endNanos).min();
    }
}

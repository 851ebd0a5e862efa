package io.gameflow.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Asks one URL several times a second, for the whole test, and remembers each answer's time and whether it was 200:
 * when a restarted process first answered, and how long a service did not answer while another process was down.
 */
final class AvailabilityProbe implements AutoCloseable {

    private static final Duration EVERY = Duration.ofMillis(100);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** One answer (or none: a refused connection, a timeout), by the time its request was sent and answered. */
    record Answer(long sentNanos, long answeredNanos, boolean ok) {
    }

    private final String name;
    private final URI uri;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final List<Answer> answers = new ArrayList<>();
    private final Thread thread;
    private volatile boolean closed;

    AvailabilityProbe(String name, String url) {
        this.name = name;
        this.uri = URI.create(url);
        this.thread = new Thread(this::run, "probe-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    String name() {
        return name;
    }

    private void run() {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        long next = System.nanoTime();
        while (!closed) {
            long sent = System.nanoTime();
            boolean ok;
            try {
                ok = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                ok = false;
            }
            synchronized (this) {
                answers.add(new Answer(sent, System.nanoTime(), ok));
            }
            next = Math.max(next + EVERY.toNanos(), System.nanoTime());
            LockSupport.parkNanos(next - System.nanoTime());
        }
    }

    /** When the first 200 to a request sent at or after {@code nanos} came. */
    synchronized OptionalLong firstOkSentAfter(long nanos) {
        return answers.stream().filter(a -> a.ok() && a.sentNanos() >= nanos).mapToLong(Answer::answeredNanos).min();
    }

    /**
     * The longest time, among requests sent between the two moments, from a first failed request to the next 200 (or
     * to {@code toNanos} if none came): how long the service did not answer.
     */
    synchronized Duration longestOutage(long fromNanos, long toNanos) {
        long longest = 0;
        long failingSince = -1;
        for (Answer answer : answers) {
            if (answer.sentNanos() < fromNanos || answer.sentNanos() >= toNanos) {
                continue;
            }
            if (!answer.ok() && failingSince < 0) {
                failingSince = answer.sentNanos();
            } else if (answer.ok() && failingSince >= 0) {
                longest = Math.max(longest, answer.answeredNanos() - failingSince);
                failingSince = -1;
            }
        }
        if (failingSince >= 0) {
            longest = Math.max(longest, toNanos - failingSince);
        }
        return Duration.ofNanos(longest);
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}

package io.gameflow.metrics.streams;

import org.apache.kafka.streams.processor.TaskId;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many servers this instance tracks, and the latest sample time among them, over all its tasks (which may run
 * on several threads): for the cap on servers, the {@code gameflow_metrics_servers_tracked} gauge, and the
 * {@code as_of} of a page of servers without reading every server.
 */
public final class ServerCensus {

    private final Map<TaskId, Count> byTask = new ConcurrentHashMap<>();

    void update(TaskId task, int servers, long latestSeen) {
        byTask.put(task, new Count(servers, latestSeen));
    }

    void seen(TaskId task, int servers, long time) {
        byTask.merge(task, new Count(servers, time), (was, now) -> new Count(servers, Math.max(was.latestSeen(), time)));
    }

    void closed(TaskId task) {
        byTask.remove(task);
    }

    public long servers() {
        return byTask.values().stream().mapToLong(Count::servers).sum();
    }

    /** Epoch ms of the latest sample of the servers tracked, {@link Long#MIN_VALUE} when there is none. */
    public long latestSeen() {
        return byTask.values().stream().mapToLong(Count::latestSeen).max().orElse(Long.MIN_VALUE);
    }

    private record Count(int servers, long latestSeen) {
    }
}

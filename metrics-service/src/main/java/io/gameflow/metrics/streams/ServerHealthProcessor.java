package io.gameflow.metrics.streams;

import io.gameflow.metrics.observability.MetricsMeters;
import io.gameflow.metrics.domain.Alert;
import io.gameflow.metrics.domain.AlertRule;
import io.gameflow.metrics.domain.RuleBook;
import io.gameflow.metrics.domain.RuleState;
import io.gameflow.metrics.domain.ServerLimits;
import io.gameflow.metrics.domain.ServerSample;
import io.gameflow.metrics.domain.ServerState;
import io.gameflow.metrics.domain.SilenceRule;
import io.gameflow.metrics.domain.Subject;
import io.gameflow.streams.support.time.TaskTime;
import io.gameflow.streams.support.trace.RecordTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per server: keeps the latest sample and the window of the statistics, runs the server rules on every sample that
 * is the server's newest, and watches for silence. The rule states live in the store with the samples, so that
 * after a restart (exactly-once: state and emitted alerts commit together) no alert fires twice and none is lost.
 *
 * <p>"Now" is this task's {@link TaskTime} (docs/time.md): the latest event time it processed, carried on by the wall
 * clock when nothing arrives, so that a fleet gone quiet is reported silent rather than frozen healthy, and never
 * ahead of the wall clock, so that no sample makes the other servers' time pass.
 *
 * <p>When each server was last seen is also kept in memory (read from the store once per task): the silence check
 * runs every second, and reading every server's whole state from the store for it took a tenth of the service's time
 * with a few thousand servers.
 *
 * <p>A server silent for {@code forget-after} has what is firing for it resolved, once, and is then forgotten: its
 * entry leaves the store and the memory, so a flood of made-up server ids does not stay. How many servers the task
 * tracks is told to the instance's {@link ServerCensus}, which {@link ServerAdmission} checks against the cap.
 */
final class ServerHealthProcessor implements Processor<String, ServerSample, String, Alert> {

    private final RuleBook rules;
    private final MetricsMeters meters;
    private final Duration checkEvery;
    private final ServerLimits limits;
    private final RecordTracing tracing;
    /** While a traced sample is processed: the headers its alerts carry, its event id and its span's trace. */
    private Headers tracedAlertHeaders;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, ServerState> store;
    private final TaskTime clock;
    /** Whether {@link #clock} and the maps below were read from the store since the task was (re)initialised. */
    private boolean restored;
    /** Every server of this task and when it was last seen; empty until {@link #restore()} reads the store. */
    private final Map<String, Long> lastSeenByServer = new HashMap<>();
    /** The servers reported silent and not heard from since. */
    private final Set<String> silentServers = new HashSet<>();

    ServerHealthProcessor(RuleBook rules, MetricsMeters meters, Duration checkEvery, ServerLimits limits,
                          RecordTracing tracing) {
        this.rules = rules;
        this.meters = meters;
        this.checkEvery = checkEvery;
        this.limits = limits;
        this.tracing = tracing;
        this.clock = new TaskTime(meters.latestEventTime());
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.store = context.getStateStore(MetricsTopology.SERVER_STORE);
        // a task revived after an aborted transaction restores its store: what memory held may be ahead of it
        restored = false;
        lastSeenByServer.clear();
        silentServers.clear();
        clock.start(context, checkEvery, this::restore, this::reportSilentServers);
    }

    @Override
    public void process(Record<String, ServerSample> record) {
        Span span = tracing.start("server health rules", record.headers());
        if (span == null) {
            processSample(record);
            return;
        }
        tracedAlertHeaders = RecordTracing.headersOf(span, record.headers());
        try (Scope current = span.makeCurrent()) {
            processSample(record);
        } finally {
            tracedAlertHeaders = null;
            span.end();
        }
    }

    private void processSample(Record<String, ServerSample> record) {
        ServerSample sample = record.value();
        long time = sample.lastSeenTime().toEpochMilli();
        ServerState stored = store.get(record.key());
        // late by the server's own clock: a server whose clock is off harms only its own samples
        if (stored != null && time < stored.lastSeen() - rules.grace().toMillis()) {
            meters.late();
            return;
        }
        restore();
        clock.observe(time);
        ServerState state = stored == null ? ServerState.first(sample) : stored.with(sample, rules.window().toMillis());
        boolean newest = stored == null || time >= stored.lastSeen();
        if (newest) {
            state = evaluate(state, sample, stored == null ? time : stored.lastSeen(), record.timestamp());
        }
        store.put(record.key(), state);
        lastSeenByServer.put(record.key(), state.lastSeen());
        meters.census().seen(context.taskId(), lastSeenByServer.size(), state.lastSeen());
        if (state.silent() == null) {
            silentServers.remove(record.key());
        }
    }

    /** {@code recordTime} stamps the alerts: the input's, never the event time, which the broker may refuse as too far ahead. */
    private ServerState evaluate(ServerState state, ServerSample sample, long previousSeen, long recordTime) {
        long time = sample.lastSeenTime().toEpochMilli();
        if (state.silent() != null) {
            emit(state.silent().resolved((time - previousSeen) / 1000.0, time), recordTime);
            state = state.withSilent(null);
        }
        for (AlertRule rule : rules.serverRules()) {
            RuleState.Step step = state.rules().getOrDefault(rule.name(), RuleState.CLEAR)
                    .observe(rule, Subject.server(sample), rule.metric().of(sample), time);
            state = state.withRule(rule.name(), step.state());
            if (step.emitted() != null) {
                emit(step.emitted(), recordTime);
            }
        }
        return state;
    }

    private void reportSilentServers(long now, long wallNow) {
        forgetLongSilentServers(now, wallNow);
        SilenceRule silence = rules.silenceRule();
        List<String> gone = lastSeenByServer.entrySet().stream()
                .filter(server -> silence.silentAt(server.getValue(), now) && !silentServers.contains(server.getKey()))
                .map(Map.Entry::getKey)
                .toList();
        for (String serverId : gone) {
            ServerState state = store.get(serverId);
            silentServers.add(serverId);
            if (state.silent() != null) {
                continue;
            }
            Alert silent = silence.alert(Subject.server(state.latest()), state.lastSeen(), now);
            store.put(serverId, state.withSilent(silent));
            emit(silent, wallNow);
        }
    }

    /**
     * Resolves what is still firing for each server silent for {@code forget-after} and forgets the server; tells the
     * census how many servers the task tracks and its latest sample, counted again here every check.
     */
    private void forgetLongSilentServers(long now, long wallNow) {
        long after = limits.forgetAfter().toMillis();
        long latestSeen = Long.MIN_VALUE;
        List<String> forgotten = new ArrayList<>();
        for (Map.Entry<String, Long> server : lastSeenByServer.entrySet()) {
            if (now - server.getValue() >= after) {
                forgotten.add(server.getKey());
            } else {
                latestSeen = Math.max(latestSeen, server.getValue());
            }
        }
        for (String serverId : forgotten) {
            ServerState state = store.get(serverId);
            if (state != null) {
                state.resolvedAt(now).forEach(alert -> emit(alert, wallNow));
                store.delete(serverId);
            }
            lastSeenByServer.remove(serverId);
            silentServers.remove(serverId);
            meters.forgotten();
        }
        meters.census().update(context.taskId(), lastSeenByServer.size(), latestSeen);
    }

    @Override
    public void close() {
        meters.census().closed(context.taskId());
    }

    /** After a (re)start: the clock from the latest sample in the store, read with every server's last-seen time. */
    private void restore() {
        if (restored) {
            return;
        }
        restored = true;
        long wallNow = context.currentSystemTimeMs();
        try (KeyValueIterator<String, ServerState> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, ServerState> server = all.next();
                long lastSeen = server.value.lastSeen();
                lastSeenByServer.put(server.key, lastSeen);
                if (server.value.silent() != null) {
                    silentServers.add(server.key);
                }
                clock.restored(lastSeen, wallNow);
            }
        }
    }

    private void emit(Alert alert, long time) {
        Record<String, Alert> out = new Record<>(alert.key(), alert, time);
        context.forward(tracedAlertHeaders == null ? out : out.withHeaders(tracedAlertHeaders));
    }
}

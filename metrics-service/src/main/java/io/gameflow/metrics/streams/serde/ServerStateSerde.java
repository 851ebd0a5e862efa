package io.gameflow.metrics.streams.serde;

import io.gameflow.metrics.domain.Alert;
import io.gameflow.metrics.domain.Point;
import io.gameflow.metrics.domain.RuleState;
import io.gameflow.metrics.domain.SampleTime;
import io.gameflow.metrics.domain.ServerSample;
import io.gameflow.metrics.domain.ServerState;
import io.gameflow.streams.support.serde.CompactInput;
import io.gameflow.streams.support.serde.CompactOutput;
import io.gameflow.streams.support.serde.CompactSerde;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code server-health} store's values in the compact form: the store is read and written on every sample, and
 * as JSON that was a quarter of the service's time (bench/results/profile-metrics-2026-12-01.md). A value reads back
 * equal to what was written, doubles bit for bit, the rules in the order they were written (the order their alerts
 * are listed and resolved in), as the JSON did.
 */
public final class ServerStateSerde {

    public static final CompactSerde<ServerState> SERDE =
            new CompactSerde<>("ServerState", 1, ServerStateSerde::write, ServerStateSerde::read);

    private ServerStateSerde() {
    }

    private static void write(ServerState state, CompactOutput out) throws IOException {
        ServerSample latest = state.latest();
        out.string(latest.serverId()).string(latest.region()).string(latest.serverType())
                .float64(latest.cpuLoad()).float64(latest.memoryUsage()).float64(latest.latency());
        // the text only: the instant follows from it, and EventTimes reads the usual shape by hand
        out.string(latest.lastSeen().text());
        out.int32(state.window().size());
        for (Point point : state.window()) {
            out.int64(point.time()).float64(point.cpuLoad()).float64(point.memoryUsage()).float64(point.latency());
        }
        out.int32(state.rules().size());
        for (Map.Entry<String, RuleState> rule : state.rules().entrySet()) {
            out.string(rule.getKey()).bool(rule.getValue().breachSince() != null);
            if (rule.getValue().breachSince() != null) {
                out.int64(rule.getValue().breachSince());
            }
            alert(rule.getValue().firing(), out);
        }
        alert(state.silent(), out);
    }

    private static ServerState read(int version, CompactInput in) throws IOException {
        ServerSample latest = new ServerSample(in.string(), in.string(), in.string(),
                in.float64(), in.float64(), in.float64(), SampleTime.parse(in.string()));
        int points = in.int32();
        List<Point> window = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            window.add(new Point(in.int64(), in.float64(), in.float64(), in.float64()));
        }
        int rules = in.int32();
        Map<String, RuleState> byName = new LinkedHashMap<>();
        for (int i = 0; i < rules; i++) {
            String name = in.string();
            Long breachSince = in.bool() ? in.int64() : null;
            byName.put(name, new RuleState(breachSince, alert(in)));
        }
        return new ServerState(latest, window, byName, alert(in));
    }

    private static void alert(Alert alert, CompactOutput out) throws IOException {
        out.bool(alert != null);
        if (alert != null) {
            out.string(alert.alertId()).string(alert.rule()).string(alert.severity()).string(alert.state())
                    .string(alert.scope()).string(alert.serverId()).string(alert.region()).string(alert.serverType())
                    .string(alert.metric()).float64(alert.value()).float64(alert.threshold())
                    .string(alert.startedAt()).string(alert.resolvedAt());
        }
    }

    private static Alert alert(CompactInput in) throws IOException {
        if (!in.bool()) {
            return null;
        }
        return new Alert(in.string(), in.string(), in.string(), in.string(), in.string(), in.string(), in.string(),
                in.string(), in.string(), in.float64(), in.float64(), in.string(), in.string());
    }
}

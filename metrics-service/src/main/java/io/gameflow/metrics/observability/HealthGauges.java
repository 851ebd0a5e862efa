package io.gameflow.metrics.observability;

import io.gameflow.metrics.query.HealthStores;
import io.gameflow.metrics.config.MetricsConfig;
import io.gameflow.metrics.domain.Alert;
import io.gameflow.metrics.domain.AlertRule;
import io.gameflow.metrics.domain.RegionState;
import io.gameflow.metrics.domain.RuleBook;
import io.gameflow.metrics.domain.RuleState;
import io.gameflow.metrics.domain.ServerState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Prometheus gauges of the state this instance holds, refreshed every few seconds: per server (at most
 * {@code max-server-gauges}, so labels stay bounded: the servers heard from most recently, so that made-up server
 * ids that report once and fall silent cannot push the live fleet out) its latest sample and status, and the alerts
 * firing by rule and severity. Each instance reports its own partitions, so sums over instances are the fleet's.
 */
@ApplicationScoped
public class HealthGauges {

    /** healthy 0, warning 1, critical 2, silent 3: higher is worse. */
    private static final List<String> STATUS_ORDER = List.of("healthy", "warning", "critical", "silent");

    private final HealthStores stores;
    private final RuleBook rules;
    private final int maxServers;
    private final MultiGauge cpu;
    private final MultiGauge memory;
    private final MultiGauge latency;
    private final MultiGauge status;
    private final MultiGauge firing;

    public HealthGauges(HealthStores stores, RuleBook rules, MetricsConfig config, MeterRegistry registry) {
        this.stores = stores;
        this.rules = rules;
        this.maxServers = config.maxServerGauges();
        cpu = MultiGauge.builder("gameflow.metrics.server.cpu.load").description("Latest CPU load, percent").register(registry);
        memory = MultiGauge.builder("gameflow.metrics.server.memory.usage").description("Latest memory usage, percent").register(registry);
        latency = MultiGauge.builder("gameflow.metrics.server.latency.ms").description("Latest latency, ms").register(registry);
        status = MultiGauge.builder("gameflow.metrics.server.status")
                .description("0 healthy, 1 warning, 2 critical, 3 silent").register(registry);
        firing = MultiGauge.builder("gameflow.metrics.alerts.firing").description("Alerts firing now by rule and severity")
                .register(registry);
        refreshFiring(List.of());
    }

    @Scheduled(every = "${gameflow.metrics.gauges-every}")
    void refresh() {
        List<ServerState> servers;
        List<Alert> alerts = new ArrayList<>();
        try {
            servers = stores.localServers();
            servers.forEach(s -> alerts.addAll(s.firing()));
            for (RegionState region : stores.localRegions().values()) {
                region.rules().values().stream().map(RuleState::firing).filter(Objects::nonNull).forEach(alerts::add);
            }
        } catch (InvalidStateStoreException notYet) {
            return;
        }
        List<ServerState> shown = shown(servers, maxServers);
        cpu.register(rows(shown, s -> s.latest().cpuLoad()), true);
        memory.register(rows(shown, s -> s.latest().memoryUsage()), true);
        latency.register(rows(shown, s -> s.latest().latency()), true);
        status.register(rows(shown, s -> STATUS_ORDER.indexOf(s.status())), true);
        refreshFiring(alerts);
    }

    /** The servers that get series: the latest seen first; the id breaks ties, so that the choice does not flicker. */
    static List<ServerState> shown(List<ServerState> servers, int max) {
        return servers.stream()
                .sorted(Comparator.comparingLong(ServerState::lastSeen).reversed()
                        .thenComparing(s -> s.latest().serverId()))
                .limit(max)
                .toList();
    }

    private void refreshFiring(List<Alert> alerts) {
        Map<Tags, Integer> counts = new HashMap<>();
        for (AlertRule rule : rules.rules()) {
            counts.put(Tags.of("rule", rule.name(), "severity", rule.severity().name().toLowerCase()), 0);
        }
        counts.put(Tags.of("rule", RuleBook.SILENT_RULE, "severity", rules.silenceSeverity().name().toLowerCase()), 0);
        alerts.forEach(a -> counts.merge(Tags.of("rule", a.rule(), "severity", a.severity()), 1, Integer::sum));
        firing.register(counts.entrySet().stream()
                .map(e -> MultiGauge.Row.of(e.getKey(), e.getValue()))
                .toList(), true);
    }

    private static List<MultiGauge.Row<?>> rows(List<ServerState> servers, ToDoubleFunction<ServerState> value) {
        return servers.stream()
                .map(s -> MultiGauge.Row.of(Tags.of("server_id", s.latest().serverId(), "region", s.latest().region()),
                        value.applyAsDouble(s)))
                .<MultiGauge.Row<?>>map(row -> row)
                .toList();
    }
}

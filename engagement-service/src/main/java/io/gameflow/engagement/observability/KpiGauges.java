package io.gameflow.engagement.observability;

import io.gameflow.engagement.config.EngagementConfig;
import io.gameflow.engagement.domain.ActiveWindows;
import io.gameflow.engagement.domain.kpi.KpiCalendar;
import io.gameflow.engagement.domain.kpi.KpiKeys;
import io.gameflow.engagement.domain.kpi.KpiTable;
import io.gameflow.engagement.domain.kpi.Retention;
import io.gameflow.engagement.query.EngagementState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The studio KPIs as gauges ({@code gameflow_kpi_*}): today's DAU, MAU and new players, and D1 and D7 of the latest
 * cohorts whose day 1 and day 7 are final, by platform. Unlike the per-instance gauges, each instance reports the whole
 * service's figure (retention shares do not add up over instances), read over all instances at most every few
 * seconds (a peer that does not answer makes them NaN): aggregate with max, not sum. "Today" is the day of the KPIs' as_of. NaN while not answerable.
 */
@ApplicationScoped
public class KpiGauges {

    private static final long READ_VALID_MS = 5000;
    private static final List<String> PLATFORMS = List.of(ActiveWindows.ALL, "PC", "Console", "Mobile", ActiveWindows.OTHER);

    private final EngagementState state;
    private final KpiCalendar calendar;
    private final MeterRegistry registry;
    private volatile KpiTable lastRead;
    private volatile long lastReadAt;

    public KpiGauges(EngagementState state, EngagementConfig config, MeterRegistry registry) {
        this.state = state;
        this.calendar = config.settings().kpi().calendar();
        this.registry = registry;
    }

    void register(@Observes StartupEvent event) {
        for (String platform : PLATFORMS) {
            List<String> platforms = platform.equals(ActiveWindows.ALL) ? PLATFORMS.subList(1, PLATFORMS.size()) : List.of(platform);
            gauge("gameflow.kpi.daily.active.players", "Distinct players with an event today (the KPI zone's day of as_of)",
                    platform, table -> table.count(today(table), platforms, KpiKeys.DAU));
            gauge("gameflow.kpi.monthly.active.players", "Distinct players with an event in the 30 days ending today",
                    platform, table -> table.count(today(table), platforms, KpiKeys.MAU));
            gauge("gameflow.kpi.new.players", "Players whose first counted event is today", platform,
                    table -> table.count(today(table), platforms, KpiKeys.NEW));
            for (int n : new int[] {1, 7}) {
                Gauge.builder("gameflow.kpi.retention", this, gauges -> gauges.read(table -> latestFinal(table, n, platforms)))
                        .description("Share of the latest cohort whose day n is final that had an event on day n")
                        .tags("day", String.valueOf(n), "platform", platform)
                        .register(registry);
            }
        }
        Gauge.builder("gameflow.kpi.as.of.seconds", this, gauges -> gauges.read(
                        table -> table.asOf() == null ? Double.NaN : table.asOf().toEpochMilli() / 1000.0))
                .description("The time every partition's KPIs have got to, epoch seconds").register(registry);
    }

    private void gauge(String name, String description, String platform, ToDoubleFunction<KpiTable> figure) {
        Gauge.builder(name, this, gauges -> gauges.read(figure)).description(description).tags("platform", platform)
                .register(registry);
    }

    private int today(KpiTable table) {
        return calendar.dayOf(table.asOf() == null ? System.currentTimeMillis() : table.asOf().toEpochMilli());
    }

    /** Dn of the latest cohort whose day n is final; NaN when no day is final yet or that cohort is empty. */
    private double latestFinal(KpiTable table, int n, List<String> platforms) {
        if (table.latestFinalDay().isEmpty()) {
            return Double.NaN;
        }
        int day = table.latestFinalDay().getAsInt();
        Double share = Retention.cohort(table, calendar, day - n, day, platforms).finalShare(n);
        return share == null ? Double.NaN : share;
    }

    private double read(ToDoubleFunction<KpiTable> figure) {
        long now = System.currentTimeMillis();
        try {
            if (lastRead == null || now - lastReadAt > READ_VALID_MS) {
                KpiTable progress = new KpiTable(state.kpiProgress());
                int today = today(progress);
                int oldestCohort = Math.min(today, progress.latestFinalDay().orElse(today)) - 7;
                lastRead = new KpiTable(state.kpis(oldestCohort, today));
                lastReadAt = now;
            }
            return figure.applyAsDouble(lastRead);
        } catch (InvalidStateStoreException | IllegalStateException notAnswerable) {
            return Double.NaN;
        }
    }
}

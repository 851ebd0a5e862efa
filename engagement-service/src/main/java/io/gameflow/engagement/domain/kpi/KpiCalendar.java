package io.gameflow.engagement.domain.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * The calendar days of the studio KPIs: days of analytics time in one zone ({@code gameflow.engagement.kpi.zone},
 * UTC by default), as epoch days of the local date.
 */
public final class KpiCalendar {

    private static final long DAY_MS = 86_400_000L;

    private final ZoneId zone;
    private final ZoneRules rules;
    private final boolean fixed;
    private final long fixedOffsetMs;

    public KpiCalendar(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.fixed = rules.isFixedOffset();
        this.fixedOffsetMs = fixed ? rules.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L : 0;
    }

    public static KpiCalendar utc() {
        return new KpiCalendar(ZoneOffset.UTC);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The day of an epoch-ms time (on every event: no allocation in a zone of one offset, such as UTC). */
    public int dayOf(long epochMs) {
        long offsetMs = fixed ? fixedOffsetMs : rules.getOffset(Instant.ofEpochMilli(epochMs)).getTotalSeconds() * 1000L;
        return Math.toIntExact(Math.floorDiv(epochMs + offsetMs, DAY_MS));
    }

    public LocalDate date(int day) {
        return LocalDate.ofEpochDay(day);
    }

    public int dayOf(LocalDate date) {
        return Math.toIntExact(date.toEpochDay());
    }
}

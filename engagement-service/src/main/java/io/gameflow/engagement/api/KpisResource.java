package io.gameflow.engagement.api;

import io.gameflow.api.ErrorBody;
import io.gameflow.engagement.config.EngagementConfig;
import io.gameflow.engagement.domain.ActiveWindows;
import io.gameflow.engagement.domain.kpi.DailyKpis;
import io.gameflow.engagement.domain.kpi.KpiCalendar;
import io.gameflow.engagement.domain.kpi.KpiTable;
import io.gameflow.engagement.domain.kpi.Retention;
import io.gameflow.engagement.query.EngagementState;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

@Path("/v1/kpis")
@Tag(name = "kpis", description = "Studio KPIs per calendar day: active users, new players, retention, revenue")
@Produces(MediaType.APPLICATION_JSON)
public class KpisResource {

    static final int MAX_DAYS = 366;
    private static final int DEFAULT_DAYS = 30;
    private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);
    private static final String DATES = "Calendar days yyyy-MM-dd in the KPI zone (GAMEFLOW_ENGAGEMENT_KPI_ZONE, UTC by "
            + "default), at most " + MAX_DAYS + " of them; to defaults to the day of as_of, from to 29 days before to. "
            + "Days before those kept (GAMEFLOW_ENGAGEMENT_KPI_DAYS_KEPT, 92 before the first open day) answer 400.";
    private static final String PLATFORM = "all (the default), PC, Console, Mobile or other (any other platform)";

    private final EngagementState state;
    private final KpiCalendar calendar;
    private final int daysKept;

    public KpisResource(EngagementState state, EngagementConfig config) {
        this.state = state;
        this.calendar = config.settings().kpi().calendar();
        this.daysKept = config.settings().kpi().daysKept();
    }

    @GET
    @Path("/daily")
    @Operation(summary = "Daily active users, new players, sessions, playtime and revenue, one row per day",
            description = "Days are calendar days of analytics time (an event's own time, or its receipt time when it is "
                    + "dated more than the clock skew ahead) in the KPI zone. dau: distinct players with an event that "
                    + "day; wau/mau: distinct players over the 7/30 days ending with it; stickiness = dau/mau; "
                    + "new_players: players whose first counted event is that day (their install cohort); sessions "
                    + "started that day and playtime added that day, per dau. Money per currency, never converted: "
                    + "net_revenue (purchases minus refunds dated that day), paying_users (distinct users with a "
                    + "purchase that day), first_time_payers, arpdau = net_revenue/dau, arppu = net_revenue/paying_users, "
                    + "conversion = paying_users/dau; paying_users, first_time_payers and conversion at the top of a row "
                    + "count any currency. Exact counts, over every instance. A day is final once every partition's "
                    + "time is past its end plus the grace (30 s): an event of a final day counts nowhere in the KPIs "
                    + "and nothing changes the day any more; until then the day is open and late events within the "
                    + "grace still count on their own day. Ratios are null when their denominator is 0.")
    @APIResponse(responseCode = "200", description = "One row per day from from to to",
            content = @Content(schema = @Schema(implementation = DailyAnswer.class)))
    @APIResponse(responseCode = "400", description = "A date that is not yyyy-MM-dd, from after to, more than 366 days, "
            + "from before the days kept, or an unknown platform", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "Stream processing is starting or rebalancing; retry after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public DailyAnswer daily(@Parameter(description = DATES) @QueryParam("from") String from,
                             @Parameter(description = DATES) @QueryParam("to") String to,
                             @Parameter(description = PLATFORM) @QueryParam("platform") String platform) {
        Asked asked = asked(from, to, platform);
        KpiTable progress = new KpiTable(state.kpiProgress());
        Range range = kept(asked.range(today(progress)), progress);
        KpiTable table = read(range);
        String chosen = asked.platform();
        return new DailyAnswer(table.asOf(), calendar.zone().getId(), chosen,
                DailyKpis.days(table, calendar, range.from(), range.to(), platforms(chosen)));
    }

    @GET
    @Path("/retention")
    @Operation(summary = "Retention of each install cohort on days 0 to 30, with D1, D7 and D30",
            description = "A cohort is the players whose first counted event fell on its day (new_players). Day n of "
                    + "a cohort: how many of its players had an event on the cohort's day + n, and their share of the "
                    + "cohort. Days are listed up to the day of as_of; each says whether it is final. d1, d7, d30: the "
                    + "shares on days 1, 7 and 30 (null until that day has come, or for an empty cohort). from and to "
                    + "choose the cohorts.")
    @APIResponse(responseCode = "200", description = "One row per cohort from from to to",
            content = @Content(schema = @Schema(implementation = RetentionAnswer.class)))
    @APIResponse(responseCode = "400", description = "A date that is not yyyy-MM-dd, from after to, more than 366 days, "
            + "from before the days kept, or an unknown platform", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "Stream processing is starting or rebalancing; retry after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public RetentionAnswer retention(@Parameter(description = DATES) @QueryParam("from") String from,
                                     @Parameter(description = DATES) @QueryParam("to") String to,
                                     @Parameter(description = PLATFORM) @QueryParam("platform") String platform) {
        Asked asked = asked(from, to, platform);
        KpiTable progress = new KpiTable(state.kpiProgress());
        LocalDate today = today(progress);
        Range range = kept(asked.range(today), progress);
        // a cohort's days run to 30 days after it: their counters are kept under the cohort's day
        KpiTable table = read(range);
        String chosen = asked.platform();
        return new RetentionAnswer(table.asOf(), calendar.zone().getId(), chosen, Retention.cohorts(table, calendar,
                range.from(), range.to(), calendar.dayOf(today), platforms(chosen)));
    }

    /** The range, unless it starts before the days still kept: those would answer zeros for days that had players. */
    private Range kept(Range range, KpiTable progress) {
        if (progress.latestFinalDay().isPresent()) {
            LocalDate earliest = calendar.date(progress.latestFinalDay().getAsInt() + 1 - daysKept);
            if (range.from().isBefore(earliest)) {
                throw new BadRequestException("from " + range.from() + " is before the days kept: the earliest is " + earliest
                        + " (GAMEFLOW_ENGAGEMENT_KPI_DAYS_KEPT, " + daysKept + " days before the first open day)");
            }
        }
        return range;
    }

    /** The counters of the days asked for only (the stores keep a year and more), over every instance. */
    private KpiTable read(Range range) {
        return new KpiTable(state.kpis(calendar.dayOf(range.from()), calendar.dayOf(range.to())));
    }

    private LocalDate today(KpiTable table) {
        Instant asOf = table.asOf();
        return calendar.date(calendar.dayOf(asOf == null ? System.currentTimeMillis() : asOf.toEpochMilli()));
    }

    /** The parameters checked before any state is read, so that a bad one is a 400 even while the state is not ready. */
    private static Asked asked(String fromText, String toText, String platform) {
        LocalDate from = fromText == null || fromText.isBlank() ? null : date("from", fromText);
        LocalDate to = toText == null || toText.isBlank() ? null : date("to", toText);
        if (from != null && to != null) {
            new Asked(from, to, null).range(to);
        }
        return new Asked(from, to, platform(platform));
    }

    /** What was asked; a missing date is null until the day of as_of is known. */
    private record Asked(LocalDate from, LocalDate to, String platform) {

        Range range(LocalDate today) {
            LocalDate last = to == null ? today : to;
            LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : from;
            if (first.isAfter(last)) {
                throw new BadRequestException("from (" + first + ") must not be after to (" + last + ")");
            }
            if (first.plusDays(MAX_DAYS).isBefore(last.plusDays(1))) {
                throw new BadRequestException("from " + first + " to " + last + " is more than " + MAX_DAYS + " days; ask for fewer");
            }
            return new Range(first.isBefore(EARLIEST) ? EARLIEST : first, last);
        }
    }

    private static LocalDate date(String name, String text) {
        try {
            LocalDate date = LocalDate.parse(text.trim());
            if (!date.isBefore(EARLIEST) && !date.isAfter(LATEST)) {
                return date;
            }
        } catch (DateTimeParseException notADate) {
            // answered below
        }
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        throw new BadRequestException(name + " must be a date yyyy-MM-dd from " + EARLIEST + " to " + LATEST
                + "; got '" + shown + "'");
    }

    private static String platform(String platform) {
        String chosen = QueryParams.oneOf("platform", platform,
                java.util.Set.of(ActiveWindows.ALL, "PC", "Console", "Mobile", ActiveWindows.OTHER));
        return chosen == null ? ActiveWindows.ALL : chosen;
    }

    static List<String> platforms(String platform) {
        return ActiveWindows.ALL.equals(platform) ? List.of("PC", "Console", "Mobile", ActiveWindows.OTHER) : List.of(platform);
    }

    private record Range(LocalDate from, LocalDate to) {
    }

    /** The days asked for, as of the time every partition has got to; days in the zone named. */
    public record DailyAnswer(Instant asOf, String zone, String platform, List<DailyKpis.Day> days) {
    }

    /** The cohorts asked for, as of the time every partition has got to; days in the zone named. */
    public record RetentionAnswer(Instant asOf, String zone, String platform, List<Retention.Cohort> cohorts) {
    }
}

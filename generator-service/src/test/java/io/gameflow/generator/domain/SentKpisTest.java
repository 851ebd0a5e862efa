package io.gameflow.generator.domain;

import io.gameflow.events.EventKind;
import io.gameflow.events.PurchaseEvent;
import io.gameflow.events.UserData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static io.gameflow.generator.TestEvents.action;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The truth's KPIs of what was delivered, at their edges. */
class SentKpisTest {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final Instant MIDNIGHT = Instant.parse("2026-11-20T18:30:00Z"); // 2026-11-21T00:00+05:30


    private static GeneratedEvent transaction(String user, String type, String currency, String amount, Instant at) {
        return new GeneratedEvent(EventKind.TRANSACTION, user,
                new PurchaseEvent(new PurchaseEvent.Parameters("trans_" + at.toEpochMilli() + type, type, currency,
                        new BigDecimal(amount), "skin_dragon", "skin"), at, new UserData(user, "PC")));
    }

    private static SentKpis.KpiDay day(SentKpis kpis, String date) {
        return kpis.kpis().days().stream().filter(d -> d.date().equals(date)).findFirst().orElseThrow();
    }

    @Test
    void theLastMillisecondOfADayAndTheFirstOfTheNextAreTwoDaysInTheZone() {
        SentKpis kpis = new SentKpis(KOLKATA);
        kpis.delivered(action("p1", MIDNIGHT.minusMillis(1)));
        kpis.delivered(action("p1", MIDNIGHT));
        SentKpis.Kpis answer = kpis.kpis();
        assertEquals("Asia/Kolkata", answer.kpiZone());
        assertEquals(List.of(
                new SentKpis.KpiDay("2026-11-20", 1, 1, 1, 0, 1.0, 0.0, List.of()),
                new SentKpis.KpiDay("2026-11-21", 1, 0, 0, 0, null, null, List.of())), answer.days());

        SentKpis utc = new SentKpis(ZoneOffset.UTC);
        utc.delivered(action("p1", MIDNIGHT.minusMillis(1)));
        utc.delivered(action("p1", MIDNIGHT));
        assertEquals(1, utc.kpis().days().size(), "the same two events are one day in UTC");
    }

    @Test
    void aPlayerOfDayZeroAndDaySevenOnlyCountsInD7NotD1() {
        SentKpis kpis = new SentKpis(KOLKATA);
        Instant dayZero = MIDNIGHT.plus(Duration.ofHours(10));
        kpis.delivered(action("p7", dayZero));
        kpis.delivered(action("p7", dayZero.plus(Duration.ofMinutes(5))));
        kpis.delivered(action("p1", dayZero));
        kpis.delivered(action("p1", dayZero.plus(Duration.ofDays(1))));
        kpis.delivered(action("p7", dayZero.plus(Duration.ofDays(7))));
        SentKpis.KpiDay cohort = day(kpis, "2026-11-21");
        assertEquals(2, cohort.dau());
        assertEquals(2, cohort.newPlayers());
        assertEquals(1, cohort.d1(), "p1 only");
        assertEquals(1, cohort.d7(), "p7 only");
        assertEquals(0.5, cohort.d1Share());
        assertEquals(0.5, cohort.d7Share());
        assertEquals(1, day(kpis, "2026-11-28").dau());
        assertEquals(0, day(kpis, "2026-11-28").newPlayers());
    }

    @Test
    void refundsSubtractOnTheirOwnDayAndPurchasesMakeNobodyActive() {
        SentKpis kpis = new SentKpis(KOLKATA);
        kpis.delivered(transaction("u1", PurchaseEvent.PURCHASE, "USD", "4.99", MIDNIGHT.minusSeconds(60)));
        kpis.delivered(transaction("u1", PurchaseEvent.PURCHASE, "USD", "9.99", MIDNIGHT.minusSeconds(30)));
        kpis.delivered(transaction("u2", PurchaseEvent.PURCHASE, "EUR", "0.99", MIDNIGHT.minusSeconds(30)));
        kpis.delivered(transaction("u1", PurchaseEvent.REFUND, "USD", "9.99", MIDNIGHT));
        SentKpis.KpiDay first = day(kpis, "2026-11-20");
        assertEquals(List.of(new SentKpis.CurrencyRevenue("EUR", new BigDecimal("0.99"), 1),
                new SentKpis.CurrencyRevenue("USD", new BigDecimal("14.98"), 1)), first.revenue());
        assertEquals(0, first.dau());
        assertNull(first.d1Share());
        assertEquals(List.of(new SentKpis.CurrencyRevenue("USD", new BigDecimal("-9.99"), 0)), day(kpis, "2026-11-21").revenue());
    }

    @Test
    void anEarlierEventAcknowledgedLateMovesThePlayerToTheEarlierCohort() {
        SentKpis kpis = new SentKpis(KOLKATA);
        kpis.delivered(action("p1", MIDNIGHT.plusSeconds(1)));
        kpis.delivered(action("p1", MIDNIGHT.minusSeconds(1)));
        assertEquals(List.of(
                new SentKpis.KpiDay("2026-11-20", 1, 1, 1, 0, 1.0, 0.0, List.of()),
                new SentKpis.KpiDay("2026-11-21", 1, 0, 0, 0, null, null, List.of())), kpis.kpis().days());
    }

    @Test
    void serverMetricsDoNotCountAndOnlyTheLatestSixtyDaysAreKept() {
        SentKpis kpis = new SentKpis(ZoneOffset.UTC);
        kpis.delivered(new GeneratedEvent(EventKind.SERVER_METRIC, "server_01", new Object()));
        assertEquals(List.of(), kpis.kpis().days());
        Instant start = Instant.parse("2026-01-01T12:00:00Z");
        kpis.delivered(action("old", start));
        for (int day = 1; day < 100; day++) {
            kpis.delivered(action("p" + day, start.plus(Duration.ofDays(day))));
        }
        List<SentKpis.KpiDay> days = kpis.kpis().days();
        assertEquals(SentKpis.KEPT_DAYS, days.size());
        assertEquals("2026-04-10", days.get(days.size() - 1).date());
        kpis.delivered(action("old", start.plus(Duration.ofDays(99))));
        assertEquals(2, days(kpis).get(days.size() - 1).newPlayers(), "a player silent for longer than the kept days is new again");
    }

    private static List<SentKpis.KpiDay> days(SentKpis kpis) {
        return kpis.kpis().days();
    }
}

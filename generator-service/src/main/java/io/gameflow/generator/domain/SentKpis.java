package io.gameflow.generator.domain;

import io.gameflow.events.PlayerEvent;
import io.gameflow.events.PurchaseEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The studio KPIs of what the generator sent, exactly, as ground truth for engagement's: fed only with the events
 * a sink reports delivered (acknowledged by Kafka, accepted by ingest), so an event that failed or was refused never
 * counts. Days are calendar days of event time in {@code zone}. Per day: the players with at least one player event
 * ({@code dau}), the players whose first player event is that day ({@code new_players}), of that day's cohort those
 * with a player event one and seven days later ({@code d1}, {@code d7}), and per currency the net revenue (purchases
 * minus refunds, each on its own day) and the users who bought. Only player events make a player active; purchases
 * do not. Bounded: the latest {@value #KEPT_DAYS} days, and a player is forgotten {@value #KEPT_DAYS} days after
 * their latest event (the generator's players never come back after 30 days).
 */
public final class SentKpis {

    public static final int KEPT_DAYS = 60;

    private final ZoneId zone;
    private final Map<String, Seen> players = new HashMap<>();
    private final TreeMap<Long, Day> days = new TreeMap<>();
    private long newestDay = Long.MIN_VALUE;

    public SentKpis(ZoneId zone) {
        this.zone = zone;
    }

    /** The destination took this event. */
    public void delivered(GeneratedEvent event) {
        switch (event.kind()) {
            case PLAYER_ACTION -> {
                PlayerEvent player = (PlayerEvent) event.event();
                playerEvent(player.parameters().playerId(), player.eventTime());
            }
            case TRANSACTION -> {
                PurchaseEvent purchase = (PurchaseEvent) event.event();
                PurchaseEvent.Parameters p = purchase.parameters();
                transaction(purchase.userData().userId(), PurchaseEvent.REFUND.equals(p.transactionType()), p.currency(),
                        p.amount(), purchase.eventTime());
            }
            case SERVER_METRIC -> {
                // no part of the studio KPIs
            }
        }
    }

    synchronized void playerEvent(String playerId, Instant time) {
        long day = dayOf(time);
        Day figures = figuresOf(day);
        if (figures == null) {
            return;
        }
        Seen seen = players.get(playerId);
        if (seen == null) {
            seen = new Seen(day);
            players.put(playerId, seen);
            seen.mark(day);
            figures.dau++;
            figures.newPlayers++;
            return;
        }
        if (!seen.mark(day)) {
            return;
        }
        figures.dau++;
        if (day < seen.first) {
            // an earlier event acknowledged after a later one: the player joins the earlier cohort
            cohort(seen, -1);
            seen.first = day;
            cohort(seen, 1);
        } else if (day - seen.first == 1) {
            figures(seen.first, f -> f.d1++);
        } else if (day - seen.first == 7) {
            figures(seen.first, f -> f.d7++);
        }
    }

    synchronized void transaction(String userId, boolean refund, String currency, BigDecimal amount, Instant time) {
        Day figures = figuresOf(dayOf(time));
        if (figures == null) {
            return;
        }
        Revenue revenue = figures.revenue.computeIfAbsent(currency, c -> new Revenue());
        if (refund) {
            revenue.net = revenue.net.subtract(amount);
        } else {
            revenue.net = revenue.net.add(amount);
            revenue.payers.add(userId);
        }
    }

    /** The kept days, oldest first. */
    public synchronized Kpis kpis() {
        List<KpiDay> out = new ArrayList<>(days.size());
        days.forEach((day, f) -> {
            List<CurrencyRevenue> revenue = new ArrayList<>();
            new TreeMap<>(f.revenue).forEach((currency, r) -> revenue.add(new CurrencyRevenue(currency, r.net, r.payers.size())));
            out.add(new KpiDay(LocalDate.ofEpochDay(day).toString(), f.dau, f.newPlayers, f.d1, f.d7,
                    share(f.d1, f.newPlayers), share(f.d7, f.newPlayers), revenue));
        });
        return new Kpis(zone.getId(), out);
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private long dayOf(Instant time) {
        return LocalDate.ofInstant(time, zone).toEpochDay();
    }

    /** The day's figures, made on first use; null for a day older than the kept ones. */
    private Day figuresOf(long day) {
        if (day > newestDay) {
            newestDay = day;
            forgetBefore(day - KEPT_DAYS + 1);
        }
        if (day <= newestDay - KEPT_DAYS) {
            return null;
        }
        return days.computeIfAbsent(day, d -> new Day());
    }

    private void figures(long day, java.util.function.Consumer<Day> change) {
        Day figures = days.get(day);
        if (figures != null) {
            change.accept(figures);
        }
    }

    /** Adds ({@code sign} 1) or takes back (-1) what a player counts for in their cohort. */
    private void cohort(Seen seen, int sign) {
        figures(seen.first, f -> {
            f.newPlayers += sign;
            f.d1 += seen.active(seen.first + 1) ? sign : 0;
            f.d7 += seen.active(seen.first + 7) ? sign : 0;
        });
    }

    private void forgetBefore(long firstKept) {
        days.headMap(firstKept).clear();
        for (Iterator<Seen> it = players.values().iterator(); it.hasNext(); ) {
            if (it.next().latest < firstKept) {
                it.remove();
            }
        }
    }

    /** A player's first day with a sent event and the latest 64 days, as bits: bit k is day {@code latest - k}. */
    private static final class Seen {
        long first;
        long latest;
        long bits;

        Seen(long day) {
            first = day;
            latest = day;
        }

        boolean active(long day) {
            long k = latest - day;
            return k >= 0 && k < Long.SIZE && (bits & (1L << k)) != 0;
        }

        /** True when the day was not marked before; a day more than 63 behind the latest counts as marked. */
        boolean mark(long day) {
            if (day > latest) {
                long shift = day - latest;
                bits = shift >= Long.SIZE ? 0 : bits << shift;
                latest = day;
            }
            long k = latest - day;
            if (k >= Long.SIZE || (bits & (1L << k)) != 0) {
                return false;
            }
            bits |= 1L << k;
            return true;
        }
    }

    private static final class Day {
        long dau;
        long newPlayers;
        long d1;
        long d7;
        final Map<String, Revenue> revenue = new HashMap<>();
    }

    private static final class Revenue {
        BigDecimal net = BigDecimal.ZERO;
        final Set<String> payers = new HashSet<>();
    }

    /** The truth's {@code kpis}: the zone of its days and the days, oldest first. */
    public record Kpis(String kpiZone, List<KpiDay> days) {
    }

    /**
     * One day: {@code date} (yyyy-MM-dd), {@code dau}, {@code newPlayers}, {@code d1} and {@code d7} (players of this
     * day's cohort with a sent player event one and seven days later: counts so far, final once that day is over),
     * their shares of the cohort (null for an empty cohort), and the revenue per currency.
     */
    public record KpiDay(String date, long dau, long newPlayers, long d1, long d7, Double d1Share, Double d7Share,
                         List<CurrencyRevenue> revenue) {
    }

    /** Purchases minus refunds of the day in one currency, and the distinct users who bought that day. */
    public record CurrencyRevenue(String currency, BigDecimal netRevenue, long payingUsers) {
    }
}

package io.gameflow.generator.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Who plays on which day. The players known from the start play every day. Each new day of event time (a calendar
 * day in the settings' zone) {@code installsPerDay} players install; a player's days are drawn when they install, from
 * the seed and their install number alone, so the same seed gives every player the same days whatever the order of
 * calls: the install day always, day n after it with probability {@link PopulationSettings#retention(int)}, never after
 * day {@value PopulationSettings#LAST_ACTIVE_DAY}. Once past their last active day a player is forgotten, so a run
 * keeps at most 31 days of installs however long it lasts. Installed players are named by their install date and
 * number that day: {@code player_20261120_00042}.
 */
final class Population {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String[] PLATFORMS = {"PC", "Console", "Mobile"};

    private final PopulationSettings settings;
    private final long seed;
    private final List<Player> everyDay = new ArrayList<>();
    private final List<Player> installed = new ArrayList<>();
    private long installs;
    private long today = Long.MIN_VALUE;
    private Instant nextDay;

    Population(PopulationSettings settings, long seed, List<Player> knownFromTheStart) {
        this.settings = settings;
        this.seed = seed;
        this.everyDay.addAll(knownFromTheStart);
    }

    ZoneId zone() {
        return settings.zone();
    }

    /** The epoch day of the latest {@link #advanceTo}, in the zone. */
    long today() {
        return today;
    }

    /**
     * Moves to the day of {@code now}: on a new day its cohort installs (and those of the days skipped, at most as many
     * as can still play) and players past their last active day are forgotten. True when the day changed; time going
     * back never changes it.
     */
    boolean advanceTo(Instant now) {
        if (nextDay != null && now.isBefore(nextDay)) {
            return false;
        }
        LocalDate date = LocalDate.ofInstant(now, settings.zone());
        long day = date.toEpochDay();
        if (day <= today) {
            return false;
        }
        nextDay = date.plusDays(1).atStartOfDay(settings.zone()).toInstant();
        long first = today == Long.MIN_VALUE ? day : Math.max(today + 1, day - PopulationSettings.LAST_ACTIVE_DAY);
        today = day;
        installed.removeIf(player -> player.lastActiveDay() < day);
        for (long d = first; d <= day; d++) {
            install(d);
        }
        return true;
    }

    /** Everyone who plays today. */
    List<Player> activeToday() {
        List<Player> active = new ArrayList<>(everyDay);
        for (Player player : installed) {
            if (player.activeOn(today)) {
                active.add(player);
            }
        }
        return active;
    }

    /** The installed players not yet forgotten, oldest first. */
    List<Player> installed() {
        return List.copyOf(installed);
    }

    private void install(long day) {
        String date = LocalDate.ofEpochDay(day).format(DATE);
        for (int i = 1; i <= settings.installsPerDay(); i++) {
            long number = installs++;
            SplittableRandom random = new SplittableRandom(mix(seed ^ mix(number + 1)));
            double skill = 0.7 + random.nextDouble(0.6);
            long days = 1L;
            for (int n = 1; n <= PopulationSettings.LAST_ACTIVE_DAY; n++) {
                if (random.nextDouble() < settings.retention(n)) {
                    days |= 1L << n;
                }
            }
            // an honest player's account has one currency; paying in several is what a fraud rule looks for
            installed.add(Player.installed(String.format("player_%s_%05d", date, i), PLATFORMS[(int) (number % PLATFORMS.length)],
                    Catalogue.CURRENCIES.get((int) (number % Catalogue.CURRENCIES.size())), skill, day, days));
        }
    }

    /** Stafford's mix 13: neighbouring install numbers get unrelated random streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}

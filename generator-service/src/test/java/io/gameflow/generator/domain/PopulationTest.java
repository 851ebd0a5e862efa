package io.gameflow.generator.domain;

import io.gameflow.events.EventKind;
import io.gameflow.events.PlayerEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Installs per day, the churn curve, and the players of the world playing exactly on their days. */
class PopulationTest {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    /** Midnight in Kolkata: 2026-11-20T00:00+05:30. */
    private static final Instant DAY_ONE = LocalDate.of(2026, 11, 20).atStartOfDay(KOLKATA).toInstant();

    private static Population population(int installsPerDay, long seed) {
        return new Population(PopulationSettings.of(installsPerDay, 0.4, 0.5, "Asia/Kolkata"), seed, List.of());
    }

    private static Set<String> activeIds(Population population) {
        return population.activeToday().stream().map(p -> p.id).collect(Collectors.toSet());
    }

    @Test
    void exactlyTheSetNumberInstallEachDayAndPlayOnTheirInstallDay() {
        Population population = population(137, 42);
        for (int day = 0; day < 40; day++) {
            Instant morning = DAY_ONE.plus(Duration.ofDays(day)).plus(Duration.ofHours(9));
            assertTrue(population.advanceTo(morning));
            assertFalse(population.advanceTo(morning.plus(Duration.ofHours(14))), "the same day");
            long today = LocalDate.ofInstant(morning, KOLKATA).toEpochDay();
            List<Player> cohort = population.activeToday().stream().filter(p -> p.installDay == today).toList();
            assertEquals(137, cohort.size(), "day " + day);
            String date = LocalDate.ofEpochDay(today).format(DateTimeFormatter.BASIC_ISO_DATE);
            assertTrue(cohort.stream().allMatch(p -> p.id.startsWith("player_" + date + "_")), cohort.get(0).id);
        }
    }

    @Test
    void aLargeCohortComesBackAsTheCurveSays() {
        int installs = 20_000;
        PopulationSettings settings = PopulationSettings.of(installs, 0.4, 0.5, "Asia/Kolkata");
        Population population = new Population(settings, 42, List.of());
        population.advanceTo(DAY_ONE);
        long cohortDay = population.today();
        for (int n = 1; n <= 35; n++) {
            population.advanceTo(DAY_ONE.plus(Duration.ofDays(n)));
            long back = population.activeToday().stream().filter(p -> p.installDay == cohortDay).count();
            double share = (double) back / installs;
            // binomial standard deviation at most 0.0035 for 20,000 players: 0.015 is over four of them
            assertEquals(settings.retention(n), share, 0.015, "day " + n + ": " + back + " of " + installs);
        }
        assertEquals(0.4, settings.retention(1), 1e-12);
        assertEquals(0.4 / Math.sqrt(7), settings.retention(7), 1e-12);
        assertEquals(0, settings.retention(31));
    }

    @Test
    void theSameSeedGivesEveryPlayerTheSameDays() {
        Population one = population(300, 7);
        Population same = population(300, 7);
        Population other = population(300, 8);
        for (int day = 0; day < 12; day++) {
            Instant now = DAY_ONE.plus(Duration.ofDays(day));
            one.advanceTo(now);
            same.advanceTo(now);
            other.advanceTo(now);
            assertEquals(activeIds(one), activeIds(same));
            if (day > 0) {
                assertNotEquals(activeIds(one), activeIds(other));
            }
        }
    }

    @Test
    void playersPastTheirLastDayAreForgottenSoMemoryStaysBounded() {
        Population population = population(100, 42);
        int most = 0;
        for (int day = 0; day < 200; day++) {
            population.advanceTo(DAY_ONE.plus(Duration.ofDays(day)));
            most = Math.max(most, population.installed().size());
            long today = population.today();
            assertTrue(population.installed().stream().allMatch(p -> p.lastActiveDay() >= today));
        }
        assertTrue(most <= 100 * (PopulationSettings.LAST_ACTIVE_DAY + 1), "at most 31 days of installs: " + most);
    }

    @Test
    void theWorldsPlayersPlayOnExactlyTheirDaysNeverBeforeTheirInstall() {
        GameWorld world = new GameWorld(new WorldSettings(42, 0, 50, 5, 3, List.of(), 0,
                PopulationSettings.of(40, 0.4, 0.5, "Asia/Kolkata")));
        int eventsPerDay = 30_000;
        long step = Duration.ofDays(1).toMillis() / eventsPerDay;
        Instant start = DAY_ONE.plus(Duration.ofHours(13)); // a run starts in the middle of a day
        Map<LocalDate, Set<String>> playedOn = new HashMap<>();
        Map<LocalDate, Set<String>> activeOn = new HashMap<>();
        for (int i = 0; i < 10 * eventsPerDay; i++) {
            Instant now = start.plusMillis(step * i);
            GeneratedEvent event = world.next(EventKind.PLAYER_ACTION, now);
            LocalDate date = LocalDate.ofInstant(now, KOLKATA);
            String player = ((PlayerEvent) event.event()).parameters().playerId();
            LocalDate installed = LocalDate.parse(player.substring("player_".length(), "player_".length() + 8),
                    DateTimeFormatter.BASIC_ISO_DATE);
            assertFalse(date.isBefore(installed), player + " played on " + date);
            playedOn.computeIfAbsent(date, d -> new HashSet<>()).add(player);
            activeOn.computeIfAbsent(date, d -> new HashSet<>(world.activeToday()));
        }
        assertEquals(11, playedOn.size(), "half a day and ten more days");
        playedOn.forEach((date, players) -> assertEquals(activeOn.get(date), players,
                "on " + date + " exactly the players whose day it is play, and every one of them"));
        assertTrue(activeOn.values().stream().mapToInt(Set::size).max().orElse(0) > 100, "cohorts add up");
    }

    @Test
    void absurdSettingsAreRefusedNamingTheVariable() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PopulationSettings.of(-1, 0.4, 0.5, "UTC"))
                .getMessage().contains("GAMEFLOW_GENERATOR_POPULATION_INSTALLS_PER_DAY"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PopulationSettings.of(10, 1.5, 0.5, "UTC"))
                .getMessage().contains("GAMEFLOW_GENERATOR_POPULATION_D1_RETENTION"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PopulationSettings.of(10, Double.NaN, 0.5, "UTC"))
                .getMessage().contains("GAMEFLOW_GENERATOR_POPULATION_D1_RETENTION"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PopulationSettings.of(10, 0.4, -0.5, "UTC"))
                .getMessage().contains("GAMEFLOW_GENERATOR_POPULATION_DECAY"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PopulationSettings.of(10, 0.4, 0.5, "Mars/Olympus"))
                .getMessage().contains("GAMEFLOW_GENERATOR_POPULATION_ZONE"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new WorldSettings(1, 0, 5, 5, 3, List.of(), 0,
                PopulationSettings.of(0, 0.4, 0.5, "UTC"))).getMessage().contains("nobody would play"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new WorldSettings(1, -3, 5, 5, 3, List.of(), 0))
                .getMessage().contains("GAMEFLOW_GENERATOR_PLAYERS"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new WorldSettings(1, 10, 0, 5, 3, List.of(), 0))
                .getMessage().contains("GAMEFLOW_GENERATOR_ONLINE"));
    }
}

package io.gameflow.generator.domain;

import io.gameflow.events.EventJson;
import io.gameflow.events.EventValidator;
import io.gameflow.events.ServerMetricEvent;
import io.gameflow.events.ValidationLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerFleetTest {

    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
    private static final FleetSettings SETTINGS = FleetSettings.defaults(List.of("us-west", "us-east", "eu-central", "ap-south"));

    private static List<GeneratedEvent> reports(long seed, Duration span) {
        return new ServerFleet(SETTINGS, seed, START).reportsUntil(START.plus(span));
    }

    private static ServerMetricEvent metric(GeneratedEvent event) {
        return (ServerMetricEvent) event.event();
    }

    /**
     * While the generator is stopped the fleet goes on unobserved: an incident that began and ended in that gap sent
     * nothing, so the truth does not name it; one with a report interval or more after the restart stays.
     */
    @Test
    void anIncidentLostToAStopLeavesTheTruth() {
        ServerFleet fleet = new ServerFleet(SETTINGS, 3, START);
        fleet.reportsUntil(START.plus(Duration.ofMinutes(1)));
        fleet.skipUntil(START.plus(Duration.ofMinutes(5)));      // the first CPU spike, minutes 2 to 4, unseen
        fleet.reportsUntil(START.plus(Duration.ofMinutes(13)));  // a silent server from minute 12, seen
        fleet.skipUntil(START.plus(Duration.ofMinutes(23)));     // a slow region from minute 22, two minutes left to see
        assertEquals(List.of(Incident.Kind.SILENT, Incident.Kind.REGION_LATENCY),
                fleet.incidents().stream().map(Incident::kind).toList());
        fleet.reportsUntil(START.plus(Duration.ofMinutes(40)));  // the next CPU spike, minute 32, seen
        assertEquals(List.of(Incident.Kind.SILENT, Incident.Kind.REGION_LATENCY, Incident.Kind.CPU_HOT),
                fleet.incidents().stream().map(Incident::kind).toList());
    }

    @Test
    void theSameSeedGivesTheSameReportsByteForByte() {
        List<String> first = reports(7, Duration.ofMinutes(30)).stream().map(e -> EventJson.write(e.event())).toList();
        List<String> second = reports(7, Duration.ofMinutes(30)).stream().map(e -> EventJson.write(e.event())).toList();
        assertEquals(first, second);
        assertFalse(first.equals(reports(8, Duration.ofMinutes(30)).stream().map(e -> EventJson.write(e.event())).toList()));
    }

    @Test
    void reportsComeInTimeOrderAndAreValidEvents() {
        EventValidator validator = new EventValidator(ValidationLimits.UNBOUNDED);
        List<GeneratedEvent> reports = reports(1, Duration.ofMinutes(15));
        for (int i = 0; i < reports.size(); i++) {
            assertEquals(List.of(), validator.validate(EventJson.readTree(EventJson.write(reports.get(i).event()))));
            assertEquals(metric(reports.get(i)).parameters().serverId(), reports.get(i).key());
            if (i > 0) {
                assertFalse(metric(reports.get(i)).eventTime().isBefore(metric(reports.get(i - 1)).eventTime()));
            }
        }
    }

    @Test
    void incidentsFollowTheScheduleInTurn() {
        ServerFleet fleet = new ServerFleet(SETTINGS, 1, START);
        fleet.reportsUntil(START.plus(Duration.ofMinutes(35)));
        List<Incident> incidents = fleet.incidents();

        assertEquals(List.of(Incident.Kind.CPU_HOT, Incident.Kind.SILENT, Incident.Kind.REGION_LATENCY, Incident.Kind.CPU_HOT),
                incidents.stream().map(Incident::kind).toList());
        assertEquals(START.plus(Duration.ofMinutes(2)), incidents.get(0).start());
        assertEquals(START.plus(Duration.ofMinutes(4)), incidents.get(0).end());
        assertEquals(START.plus(Duration.ofMinutes(12)), incidents.get(1).start());
        assertEquals(START.plus(Duration.ofMinutes(13)), incidents.get(1).end());
        assertEquals(null, incidents.get(2).serverId());
    }

    @Test
    void eachIncidentShowsInTheReportsAndNothingElseCrossesAThreshold() {
        ServerFleet fleet = new ServerFleet(SETTINGS, 3, START);
        List<GeneratedEvent> reports = fleet.reportsUntil(START.plus(Duration.ofMinutes(30)));
        List<Incident> incidents = fleet.incidents();
        Incident hot = incidents.get(0);
        Incident silent = incidents.get(1);
        Incident slowRegion = incidents.get(2);

        for (GeneratedEvent event : reports) {
            ServerMetricEvent m = metric(event);
            Instant at = m.eventTime();
            String server = m.parameters().serverId();
            String region = m.serverData().region();
            assertFalse(silent.covers(at) && server.equals(silent.serverId()), "a silent server reported at " + at);
            if (hot.covers(at) && server.equals(hot.serverId())) {
                assertTrue(m.parameters().cpuLoad() > 95, "hot server at " + m.parameters().cpuLoad());
            } else {
                assertTrue(m.parameters().cpuLoad() <= 80, server + " cpu " + m.parameters().cpuLoad() + " at " + at);
            }
            if (slowRegion.covers(at) && region.equals(slowRegion.region())) {
                assertTrue(m.parameters().latency() > 250, server + " latency " + m.parameters().latency());
            } else {
                assertTrue(m.parameters().latency() <= 150, server + " latency " + m.parameters().latency() + " at " + at);
            }
            assertTrue(m.parameters().memoryUsage() <= 80);
        }
        long silentReports = reports.stream().filter(e -> e.key().equals(silent.serverId())).count();
        long otherReports = reports.stream().filter(e -> !e.key().equals(silent.serverId())).count() / (SETTINGS.servers() - 1);
        // a minute of silence at one report every 5 s: 12 missing
        assertEquals(otherReports - 12, silentReports, 1);
    }

    @Test
    void everyServerReportsEveryFiveSeconds() {
        List<GeneratedEvent> reports = reports(5, Duration.ofMinutes(1).minusMillis(1));
        assertEquals(SETTINGS.servers() * 12, reports.size());
    }
}

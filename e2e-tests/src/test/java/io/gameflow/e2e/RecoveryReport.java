package io.gameflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one chaos run, as the README quotes them: what was acknowledged, lost and copied, how the requests
 * fared, and how soon each killed process answered again against its documented bound. Printed, and written as
 * Markdown for the record.
 */
final class RecoveryReport {

    /**
     * One recovery: from a killed process's restart to the first good answer of the process that recovers (itself, or
     * one that stayed up and depends on it), and the bound it must meet.
     */
    record Recovery(String process, String firstGoodAnswer, Duration measured, Duration bound) {

        boolean withinBound() {
            return measured.compareTo(bound) <= 0;
        }
    }

    private final Map<String, String> figures = new LinkedHashMap<>();
    private final List<Recovery> recoveries = new ArrayList<>();
    private final List<String> observations = new ArrayList<>();

    synchronized void figure(String name, Object value) {
        figures.put(name, String.valueOf(value));
    }

    synchronized Recovery recovery(String process, String firstGoodAnswer, Duration measured, Duration bound) {
        Recovery recovery = new Recovery(process, firstGoodAnswer, measured, bound);
        recoveries.add(recovery);
        return recovery;
    }

    synchronized List<Recovery> recoveries() {
        return List.copyOf(recoveries);
    }

    /** Something measured that is not a bound of its own, e.g. how long a service did not answer while the broker was down. */
    synchronized void observe(String observation) {
        observations.add(observation);
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    synchronized String markdown() {
        StringBuilder out = new StringBuilder("# Chaos run: kill -9 of ingest, broker, engagement, metrics under load\n\n");
        out.append("| Figure | Value |\n|---|---|\n");
        figures.forEach((name, value) -> out.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        out.append("\n| Recovered | Its first good answer | Seconds after the restarted process's start | Bound |\n|---|---|---|---|\n");
        for (Recovery r : recoveries) {
            out.append("| ").append(r.process()).append(" | ").append(r.firstGoodAnswer()).append(" | ")
                    .append(seconds(r.measured())).append(r.withinBound() ? "" : " (over the bound)").append(" | ")
                    .append(seconds(r.bound())).append(" |\n");
        }
        if (!observations.isEmpty()) {
            out.append('\n');
            observations.forEach(o -> out.append("- ").append(o).append('\n'));
        }
        return out.toString();
    }

    void write(Path file) {
        String markdown = markdown();
        System.out.println(markdown);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.gameflow.ingest;

import static io.gameflow.ingest.ManagementInterface.management;

/** Reads series off /q/metrics, so tests can assert by how much a request moved them. */
final class IngestCounts {

    private IngestCounts() {
    }

    /** {@code gameflow_ingest_events_total{outcome, topic}}. */
    static double of(String outcome, String topic) {
        return series("gameflow_ingest_events_total{outcome=\"" + outcome + "\",topic=\"" + topic + "\"}");
    }

    /** {@code gameflow_ingest_rejections_total{reason}}. */
    static double rejections(String reason) {
        return series("gameflow_ingest_rejections_total{reason=\"" + reason + "\"}");
    }

    /** The value of one series, named with its labels in the order Prometheus prints them (sorted). */
    static double series(String series) {
        String prefix = series + " ";
        return management().when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length()).trim()))
                .findFirst().orElseThrow(() -> new AssertionError("no series " + series + " in /q/metrics"));
    }
}

package io.gameflow.ingest;

import static io.restassured.RestAssured.given;

/** Reads gameflow_ingest_events_total off /q/metrics, so tests can assert by how much a request moved it. */
final class IngestCounts {

    private IngestCounts() {
    }

    static double of(String outcome, String topic) {
        String series = "gameflow_ingest_events_total{outcome=\"" + outcome + "\",topic=\"" + topic + "\"} ";
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(series))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length()).trim()))
                .findFirst().orElseThrow(() -> new AssertionError("no series " + series + "in /q/metrics"));
    }
}

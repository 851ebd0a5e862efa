package io.gameflow.e2e;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PromQlMetricNamesTest {

    @Test
    void findsTheMetricsAndLeavesOutLabelsFunctionsKeywordsAndRecordingRules() {
        assertEquals(Set.of("gameflow_ingest_events_total"), PromQlMetricNames.in(
                "sum by (topic, outcome) (rate(gameflow_ingest_events_total{outcome=\"rejected\", topic=~\"a|b\"}[5m]))"));
        assertEquals(Set.of("kafka_stream_client_state"), PromQlMetricNames.in(
                "max by (job,instance)(kafka_stream_client_state) != 2"));
        assertEquals(Set.of("http_server_requests_seconds_count", "up"), PromQlMetricNames.in(
                "sum(rate(http_server_requests_seconds_count{status=~\"5..\"}[1m] offset 5m)) / on(job) group_left up"));
        assertEquals(Set.of("gameflow_metrics_server_status"), PromQlMetricNames.in(
                "gameflow:server_latency_ms:avg_by_region > 200 unless on (region) gameflow_metrics_server_status{region=\"$region\"} == 3"));
        assertEquals(Set.of("gameflow_ingest_request_seconds_bucket"), PromQlMetricNames.in(
                "histogram_quantile(0.99, sum by (le) (rate(gameflow_ingest_request_seconds_bucket[$__rate_interval])))"));
        assertEquals(Set.of("gameflow_metrics_server_latency_ms"), PromQlMetricNames.in(
                "SUM BY (region) (gameflow_metrics_server_latency_ms) > -Inf # the region's total\n and NaN != 1"));
    }
}

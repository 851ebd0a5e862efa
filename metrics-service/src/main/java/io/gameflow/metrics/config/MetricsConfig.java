package io.gameflow.metrics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** {@code gameflow.metrics.*} in application.properties: the alert rules and the time settings of the analysis. */
@ConfigMapping(prefix = "gameflow.metrics")
public interface MetricsConfig {

    /** The span of the rolling statistics and of a region's average. */
    Duration window();

    /** How far behind the stream time a sample may arrive and still count. */
    Duration grace();

    /** How far ahead of the wall clock an event time may be; later samples go to the dead-letter topic. */
    Duration maxEventAhead();

    /** How far ahead of its receipt a sample may be dated and still count at its own time; later ones count at their receipt. */
    Duration maxClockSkew();

    Silence silence();

    Alertmanager alertmanager();

    /** Threshold rules by name. */
    Map<String, Rule> rules();

    /** A server without a sample for this long has its alerts resolved and is forgotten (stores, lists, gauges). */
    Duration forgetAfter();

    /** The most servers one instance tracks; the first sample of a server beyond it goes to the dead-letter topic. */
    int maxServers();

    /** The most servers this instance exports per-server gauges for (the latest seen), so that labels stay bounded. */
    int maxServerGauges();

    /** How often the per-server and alert gauges are refreshed from the stores. */
    Duration gaugesEvery();

    interface Alertmanager {

        /** Where to forward alerts (its base URL); no forwarding when absent. */
        Optional<java.net.URI> url();

        /** The consumer group the instances share, so that each alert is forwarded once. */
        String group();

        /** Firing alerts are sent again this often, so that Alertmanager keeps them active. */
        Duration resendEvery();

        /** The longest wait before a batch Alertmanager did not take is sent again. */
        Duration maxBackoff();
    }

    interface Silence {

        /** No sample for this long (stream time, or wall clock when nothing arrives at all): server_silent fires. */
        Duration after();

        String severity();

        /** How often the wall clock is checked for silent servers. */
        Duration checkEvery();
    }

    interface Rule {

        /** cpu_load, memory_usage or latency. */
        String metric();

        /** The rule holds while the metric is above this. */
        double threshold();

        /** ... in every sample for this long. */
        @WithName("for")
        Duration holdFor();

        /** It stops holding when the metric is at or below this; the threshold when not given. */
        Optional<Double> resolveBelow();

        /** warning or critical. */
        String severity();

        /** server: each server's metric; region: the region's average. */
        String scope();
    }
}

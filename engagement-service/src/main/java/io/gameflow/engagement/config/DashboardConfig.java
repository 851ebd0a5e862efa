package io.gameflow.engagement.config;

import io.smallrye.config.ConfigMapping;

/** {@code gameflow.dashboard.*}: what the live page at {@code /} needs to know at run time. */
@ConfigMapping(prefix = "gameflow.dashboard")
public interface DashboardConfig {

    /**
     * metrics-service's public base URL as the user's browser reaches it: the page reads the servers and their alerts
     * from there itself, so that engagement-service never depends on metrics-service.
     */
    String metricsUrl();
}

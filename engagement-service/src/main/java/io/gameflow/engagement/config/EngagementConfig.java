package io.gameflow.engagement.config;

import io.gameflow.engagement.domain.EngagementSettings;
import io.gameflow.engagement.domain.FraudRules;
import io.gameflow.engagement.domain.kpi.KpiSettings;
import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.time.ZoneId;

/** {@code gameflow.engagement.*} in application.properties: the thresholds of the definitions in docs/definitions.md. */
@ConfigMapping(prefix = "gameflow.engagement")
public interface EngagementConfig {

    /** A session ends after this long without events. */
    Duration sessionGap();

    /** A player at one level and map this long ... */
    Duration stuckAfter();

    /** ... with at least this many events there, and no level_complete of it, is stuck. */
    int stuckMinEvents();

    /** How far behind its player's latest event an event may arrive and still count. */
    Duration grace();

    /** The same event_id within this much event time is a duplicate. */
    Duration dedupeWindow();

    /** How far ahead of the wall clock an event time may be; later events go to the dead-letter topic. */
    Duration maxEventAhead();

    /** How far ahead of its receipt an event may be dated and still count at its own time; later ones count at their receipt. */
    Duration maxClockSkew();

    /** How often the per-level and per-cell gauges are read from the stores ({@code LevelGauges}). */
    Duration gaugesEvery();

    Fraud fraud();

    Kpi kpi();

    /** The studio KPIs (docs/definitions.md, "Studio KPIs"). */
    interface Kpi {
        /** The zone whose calendar days the KPIs count. */
        ZoneId zone();

        /** How many days before the first open day each task keeps. */
        Duration daysKept();
    }

    /** The fraud rules; see {@link FraudRules}. */
    interface Fraud {
        int velocityMax();

        Duration velocityWindow();

        int maxCurrencies();

        Duration hoppingWindow();

        int refundsMin();

        double refundShare();

        Duration refundWindow();

        double outlierFactor();

        int outlierMinSamples();
    }

    default FraudRules fraudRules() {
        Fraud f = fraud();
        return new FraudRules(f.velocityMax(), f.velocityWindow(), f.maxCurrencies(), f.hoppingWindow(), f.refundsMin(),
                f.refundShare(), f.refundWindow(), f.outlierFactor(), f.outlierMinSamples());
    }

    default EngagementSettings settings() {
        if (stuckMinEvents() < 1) {
            throw new IllegalArgumentException("gameflow.engagement.stuck-min-events must be at least 1, got " + stuckMinEvents());
        }
        return new EngagementSettings(sessionGap(), stuckAfter(), stuckMinEvents(), grace(), dedupeWindow(),
                KpiSettings.of(kpi().zone(), kpi().daysKept()));
    }
}

package io.gameflow.metrics.domain;

import java.time.Duration;

/**
 * How much of the fleet one instance keeps: a server silent for {@code forgetAfter} (by the task's notion of now)
 * has what is firing for it resolved and is then forgotten, and at most {@code maxServers} servers are tracked, so
 * that a client inventing server ids can neither fill the memory and the stores nor make the lists endless.
 */
public record ServerLimits(Duration forgetAfter, int maxServers) {

    public ServerLimits {
        if (forgetAfter.isNegative() || forgetAfter.isZero()) {
            throw new IllegalArgumentException("gameflow.metrics.forget-after must be positive, got " + forgetAfter);
        }
        if (maxServers < 1) {
            throw new IllegalArgumentException("gameflow.metrics.max-servers must be at least 1, got " + maxServers);
        }
    }

    /** The limits for these rules: a server must be reported silent before it is forgotten. */
    public ServerLimits checkedAgainst(RuleBook rules) {
        if (forgetAfter.compareTo(rules.silenceAfter()) <= 0) {
            throw new IllegalArgumentException("gameflow.metrics.forget-after (" + forgetAfter
                    + ") must be longer than gameflow.metrics.silence.after (" + rules.silenceAfter() + ")");
        }
        return this;
    }
}

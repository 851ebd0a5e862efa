package io.gameflow.engagement.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One player as the active-player counts know them: their platform, latest event time (epoch ms), and in which
 * windows ({@link ActiveWindows#WINDOWS}, one bit each) they are counted now.
 */
@RegisterForReflection
public record ActivePlayer(String platform, long lastSeen, int countedIn) {

    public boolean countedIn(int window) {
        return (countedIn & (1 << window)) != 0;
    }

    public ActivePlayer with(int window, boolean counted) {
        int mask = counted ? countedIn | (1 << window) : countedIn & ~(1 << window);
        return new ActivePlayer(platform, lastSeen, mask);
    }
}

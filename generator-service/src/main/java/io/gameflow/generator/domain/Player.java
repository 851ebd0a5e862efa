package io.gameflow.generator.domain;

import io.gameflow.events.PlayerEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * One player: fixed platform, currency and skill; progress kept across sessions; within a session, attempts at the
 * current map that succeed (moving on) or fail (building frustration), until they log out after a while or quit
 * in frustration. A player made stuck fails every attempt until they give up. The days they play are fixed when they
 * install ({@link Population}): bit n of {@code activeDays} is day {@code installDay + n}; a player known from the
 * start plays every day.
 */
final class Player {

    static final String FAIL = "fail";
    private static final double ATTEMPT_SHARE = 0.3;

    final String id;
    final String platform;
    final String currency;
    private final double skill;
    /** Epoch day (in the population's zone) of the install; unused for a player known from the start. */
    final long installDay;
    private final long activeDays;
    private final boolean everyDay;
    /** In a session now: online. */
    boolean playing;
    private int session;
    int level = 1;
    int map = 1;
    private double frustration;
    private int actionsLeft;
    private int stuckAttemptsLeft;
    private Instant lastPurchase;
    private Catalogue.Item lastItem;
    private Instant lastRefund;

    private Player(String id, String platform, String currency, double skill, long installDay, long activeDays, boolean everyDay) {
        this.id = id;
        this.platform = platform;
        this.currency = currency;
        this.skill = skill;
        this.installDay = installDay;
        this.activeDays = activeDays;
        this.everyDay = everyDay;
    }

    /** A player known from the start, who plays every day. */
    static Player everyDay(String id, String platform, String currency, double skill) {
        return new Player(id, platform, currency, skill, Long.MIN_VALUE, -1L, true);
    }

    /** A player who installs on {@code installDay} and plays on the days whose bits are set (bit 0: the install day). */
    static Player installed(String id, String platform, String currency, double skill, long installDay, long activeDays) {
        return new Player(id, platform, currency, skill, installDay, activeDays | 1L, false);
    }

    boolean activeOn(long epochDay) {
        if (everyDay) {
            return true;
        }
        long n = epochDay - installDay;
        return n >= 0 && n < Long.SIZE && (activeDays & (1L << n)) != 0;
    }

    /** The last epoch day this player plays; never for a player known from the start. */
    long lastActiveDay() {
        return everyDay ? Long.MAX_VALUE : installDay + (Long.SIZE - 1 - Long.numberOfLeadingZeros(activeDays));
    }

    /** An honest player buys now and then, never twice within the gap, however fast the world runs. */
    boolean mayBuy(Instant now, Duration gap) {
        return lastPurchase == null || !now.isBefore(lastPurchase.plus(gap));
    }

    void bought(Instant now) {
        lastPurchase = now;
    }

    void kept(Catalogue.Item item) {
        lastItem = item;
    }

    /** The item this player may ask a refund for now: the latest one bought, and not within the gap of a refund. */
    Catalogue.Item refundable(Instant now, Duration gap) {
        boolean mayAsk = lastRefund == null || !now.isBefore(lastRefund.plus(gap));
        return mayAsk ? lastItem : null;
    }

    void refunded(Instant now) {
        lastRefund = now;
        lastItem = null;
    }

    String sessionId() {
        return "session_" + id.substring("player_".length()) + "_" + session;
    }

    void logIn(SplittableRandom random) {
        session++;
        frustration = 0;
        stuckAttemptsLeft = 0;
        actionsLeft = 40 + random.nextInt(160);
    }

    boolean isStuck() {
        return stuckAttemptsLeft > 0;
    }

    /** Makes the player stuck where they are for the next {@code attempts} events. */
    void getStuck(int attempts) {
        stuckAttemptsLeft = attempts;
    }

    /** What the player does now, where they are; moving on shows in the next event. */
    Action act(SplittableRandom random, Levels levels) {
        actionsLeft--;
        if (isStuck()) {
            stuckAttemptsLeft--;
            return new Action(FAIL, stuckAttemptsLeft == 0, false);
        }
        double roll = random.nextDouble();
        if (roll < ATTEMPT_SHARE) {
            double failChance = Math.min(0.98, levels.difficulty(level, map) / skill);
            if (random.nextDouble() >= failChance) {
                boolean levelDone = map == levels.maps();
                frustration = 0;
                advance(levels);
                return new Action(levelDone ? PlayerEvent.LEVEL_COMPLETE : "move", actionsLeft <= 0, true);
            }
            frustration += 1;
            // three failures in a row and every second player has had enough
            boolean quits = random.nextDouble() < Math.min(0.6, 0.03 * frustration * frustration);
            return new Action(FAIL, quits || actionsLeft <= 0, false);
        }
        return new Action(roll < 0.7 ? "move" : "interaction", actionsLeft <= 0, false);
    }

    private void advance(Levels levels) {
        if (map < levels.maps()) {
            map++;
        } else {
            map = 1;
            level = level < levels.levels() ? level + 1 : 1;
        }
    }

    /** The event type, whether the session ends with it, and whether the player moved to another map. */
    record Action(String eventType, boolean endsSession, boolean movedOn) {
    }
}

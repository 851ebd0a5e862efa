package io.gameflow.events.time;

/**
 * "Now" for the decisions of one stream task that run on time (a session ends, a player leaves an active window, a
 * server falls silent): the latest analytics time the task processed ({@link ClockSkew}), carried on by the wall
 * clock while nothing arrives, so that the last sessions of a quiet game still end, and never ahead of the wall
 * clock, so that no record, whatever it says, makes anybody else's time pass. Replays of the past run on the times
 * of the replayed events.
 *
 * <p>Kept in memory per task: after a restart it starts unknown and the first record (or the store) sets it again.
 */
public final class TaskClock {

    public static final long UNKNOWN = Long.MIN_VALUE;

    private long latest = UNKNOWN;
    private long wallAtLatest;

    /** Takes in the analytics time of a processed record; true when it moved the clock on. */
    public boolean observe(long time, long wallNow) {
        if (latest != UNKNOWN && time <= latest) {
            return false;
        }
        latest = time;
        wallAtLatest = wallNow;
        return true;
    }

    /** Now, or {@link #UNKNOWN} before the first record. */
    public long now(long wallNow) {
        if (latest == UNKNOWN) {
            return UNKNOWN;
        }
        long carried = latest + Math.max(0, wallNow - wallAtLatest);
        return Math.min(carried, wallNow);
    }

    public boolean isKnown() {
        return latest != UNKNOWN;
    }

    /** Forgets what it saw: a task that is initialised again starts over from its restored stores. */
    public void reset() {
        latest = UNKNOWN;
    }
}

package io.gameflow.engagement.domain.kpi;

/**
 * The keys of the KPI counter stores: {@code day|platform|figure} for the player figures (the day an epoch day in the
 * KPI zone, the platform one of {@code ActiveWindows.PLATFORMS} or {@code other}), {@code cohort|platform|dN} for
 * retention, and {@code day|platform|currency|figure} for money (currency {@value #ANY_CURRENCY} for payers in any
 * currency). Platforms and currencies are validated or folded before they get here, so none holds a {@code |}.
 * Keys starting with {@code ~} hold the task's own state: the first day still open, and how far it has got. The
 * stores these keys live in may hold other keys too ({@code active-counts}' {@code window|platform});
 * {@link #isKpiKey} tells them apart.
 */
public final class KpiKeys {

    public static final String DAU = "dau";
    /**
     * WAU and MAU are running sums: the figure of day d is the sum of this key's values of every day up to d. A player
     * enters a day's window count where a run of covered days starts, and leaves after it ends.
     */
    public static final String WAU = "wau_change";
    public static final String MAU = "mau_change";
    public static final String NEW = "new";
    public static final String SESSIONS = "sessions";
    public static final String PLAYTIME_MS = "playtime_ms";
    public static final String NET_REVENUE = "net";
    public static final String PAYERS = "payers";
    public static final String FIRST_TIME_PAYERS = "first";
    public static final String ANY_CURRENCY = "*";
    /** The task's first day still open (an epoch day): days before it are final in this task. */
    public static final String OPEN_FROM = "~open-from";
    /** The task's "now" at its latest tick, epoch ms. */
    public static final String AS_OF = "~as-of";

    private KpiKeys() {
    }

    public static String figure(int day, String platform, String figure) {
        return day + "|" + platform + "|" + figure;
    }

    public static String retained(int cohort, String platform, int offset) {
        return cohort + "|" + platform + "|d" + offset;
    }

    public static String money(int day, String platform, String currency, String figure) {
        return day + "|" + platform + "|" + currency + "|" + figure;
    }

    /** A key of a running sum ({@link #WAU}, {@link #MAU}): its day's figure needs every earlier day's value too. */
    public static boolean isRunningSum(String key) {
        return key.endsWith("|" + WAU) || key.endsWith("|" + MAU);
    }

    /** The same figure of the same platform on another day. */
    public static String onDay(String key, int day) {
        return day + key.substring(key.indexOf('|'));
    }

    /** A counter of a day (its day first, then at least two more fields), as opposed to the stores' other keys. */
    public static boolean isDayKey(String key) {
        int first = key.indexOf('|');
        return first > 0 && key.indexOf('|', first + 1) > 0 && (Character.isDigit(key.charAt(0)) || key.charAt(0) == '-');
    }

    /** A key of the KPIs: a day's counter or the task's own state. */
    public static boolean isKpiKey(String key) {
        return isTaskState(key) || isDayKey(key);
    }

    public static boolean isTaskState(String key) {
        return key.equals(OPEN_FROM) || key.equals(AS_OF);
    }

    /** The day a counter key is about. */
    public static int dayOf(String key) {
        return Integer.parseInt(key, 0, key.indexOf('|'), 10);
    }
}

package io.gameflow.engagement.observability;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which cells the alert counters label by name: at most {@code cap}, those with the most alerts so far. A counter
 * cannot be chosen again at every scrape as a gauge can, so the choice follows the alerts as they come: a cell
 * starts counting under "other" once the cap is full, and takes the place of the labelled cell with the fewest
 * alerts as soon as it has more. Cells waiting for a place are remembered up to a bound of their own; when that is
 * full the one with the fewest alerts is forgotten (its count starts again), so a flood of made-up cells with one
 * alert each keeps churning among themselves and never outranks a real cell that alerts again and again.
 */
final class BusiestCells {

    static final int WAITING_PER_PLACE = 4;

    private final int cap;
    private final Map<String, Long> labelled = new HashMap<>();
    private final Map<String, Long> waiting = new HashMap<>();

    BusiestCells(int cap) {
        this.cap = cap;
    }

    /** Counts one more alert of the cell (an unambiguous cell key) and says where it is counted. */
    synchronized Counted count(String cell) {
        Long count = labelled.computeIfPresent(cell, (key, n) -> n + 1);
        if (count != null) {
            return new Counted(true, null);
        }
        if (labelled.size() < cap) {
            labelled.put(cell, waiting.getOrDefault(cell, 0L) + 1);
            waiting.remove(cell);
            return new Counted(true, null);
        }
        long waited = waiting.getOrDefault(cell, 0L) + 1;
        Map.Entry<String, Long> quietest = fewest(labelled).orElseThrow();
        if (waited > quietest.getValue()) {
            labelled.remove(quietest.getKey());
            waiting.remove(cell);
            labelled.put(cell, waited);
            keepWaiting(quietest.getKey(), quietest.getValue());
            return new Counted(true, quietest.getKey());
        }
        keepWaiting(cell, waited);
        return new Counted(false, null);
    }

    private void keepWaiting(String cell, long count) {
        if (!waiting.containsKey(cell) && waiting.size() >= cap * WAITING_PER_PLACE) {
            waiting.remove(fewest(waiting).orElseThrow().getKey());
        }
        waiting.put(cell, count);
    }

    private static Optional<Map.Entry<String, Long>> fewest(Map<String, Long> counts) {
        return counts.entrySet().stream().min(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
    }

    /** Whether the alert counts under the cell's own labels, and the cell that lost its labels to it, if any. */
    record Counted(boolean labelled, String displaced) {
    }
}

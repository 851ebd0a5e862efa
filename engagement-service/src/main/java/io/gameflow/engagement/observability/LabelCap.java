package io.gameflow.engagement.observability;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Which values of a bounded Prometheus label get a series when there are more than the cap: the most active ones.
 * Never the first by name, or a client inventing values that sort early ("AAA", "level_0000") would push the real
 * ones out of the dashboards; the name only breaks ties, so that the choice does not flicker between refreshes.
 */
final class LabelCap {

    private LabelCap() {
    }

    /** At most {@code cap} of the values, most active first by {@code moreActiveFirst}, then by name. */
    static <T> List<T> mostActive(Collection<T> values, int cap, Comparator<T> moreActiveFirst,
                                  Function<T, String> name) {
        return values.stream().sorted(moreActiveFirst.thenComparing(name)).limit(cap).toList();
    }
}

package io.gameflow.e2e;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads, found by taking out what cannot be one (strings, label matchers,
 * ranges, grouping labels, Grafana variables, function calls and keywords). Recording-rule names (with a colon)
 * are left out: their own expressions are checked instead.
 */
final class PromQlMetricNames {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "bool", "offset", "inf", "nan",
            "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk", "quantile");
    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENTS = Pattern.compile("#[^\\n]*");
    private static final Pattern VARIABLES = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");
    private static final Pattern OFFSETS = Pattern.compile("\\boffset\\s+-?[0-9a-z]+");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][\\w:]*)(\\s*\\()?");

    private PromQlMetricNames() {
    }

    static Set<String> in(String expression) {
        String rest = COMMENTS.matcher(STRINGS.matcher(expression).replaceAll(" ")).replaceAll(" ");
        rest = VARIABLES.matcher(rest).replaceAll(" ");
        rest = MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGES.matcher(rest).replaceAll(" ");
        rest = GROUPING.matcher(rest).replaceAll(" ");
        rest = OFFSETS.matcher(rest).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(rest);
        while (identifier.find()) {
            String name = identifier.group(1);
            boolean call = identifier.group(2) != null;
            // PromQL keywords are case-insensitive (SUM, Inf, NaN)
            if (!call && !KEYWORDS.contains(name.toLowerCase(Locale.ROOT)) && !name.contains(":")) {
                names.add(name);
            }
        }
        return names;
    }
}

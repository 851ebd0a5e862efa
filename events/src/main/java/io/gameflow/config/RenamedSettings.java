package io.gameflow.config;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

import jakarta.annotation.Priority;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps the names a user may have set before the settings got one naming scheme (docs/configuration.md, "Renamed
 * settings") working for one more release: an environment variable such as {@code ENGAGEMENT_SESSION_GAP} or a
 * property such as {@code gameflow.engagement.max-future} still sets its new property, with a warning naming the new
 * name, once per old name.
 *
 * <p>An old name counts as if the new one had been set in the same place: it beats the default in application.properties
 * and loses to the new name set in the same source (both in the environment: the new one wins) or in a stronger one.
 *
 * <p>Each service lists its renames in {@value #TABLE} on its class path, {@code new.property=OLD_NAME,old.name}; the
 * table is per service because the old variables were per service ({@code ENGAGEMENT_PORT} and {@code METRICS_PORT}
 * both become {@code quarkus.http.port}), and a shell that exports both must not let one service take the other's.
 * Registered in META-INF/services, so every service that depends on {@code events} has it.
 */
@Priority(Priorities.LIBRARY + 300)
public final class RenamedSettings implements ConfigSourceInterceptor {

    public static final String TABLE = "gameflow-renamed-settings.properties";

    private final Map<String, List<String>> oldNames;
    /** The old names as set, in either spelling, kept out of the names the configuration lists. */
    private final Set<String> hidden;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final Consumer<String> warnings;

    /** The service's table from its class path; none, no renames. */
    public RenamedSettings() {
        this(load(Thread.currentThread().getContextClassLoader()));
    }

    /** new property name -> the old names that still set it, first one first. */
    public RenamedSettings(Map<String, List<String>> oldNames) {
        // JBoss Logging, as SmallRye Config's own messages: Quarkus' log manager may not be set up yet at this point,
        // and the logger is looked up only when there is something to say
        this(oldNames, message -> org.jboss.logging.Logger.getLogger(RenamedSettings.class).warn(message));
    }

    RenamedSettings(Map<String, List<String>> oldNames, Consumer<String> warnings) {
        this.warnings = warnings;
        this.oldNames = Map.copyOf(oldNames);
        this.hidden = oldNames.values().stream().flatMap(List::stream)
                .flatMap(old -> Stream.of(old, environmentName(old))).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Leaves the old names out of the listing, so that an old property under a mapped prefix (such as
     * {@code gameflow.engagement.max-future}) is not taken for a setting the mapping does not know.
     */
    @Override
    public Iterator<String> iterateNames(ConfigSourceInterceptorContext context) {
        List<String> names = new ArrayList<>();
        context.iterateNames().forEachRemaining(name -> {
            if (!hidden.contains(name)) {
                names.add(name);
            }
        });
        return names.iterator();
    }

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue current = context.proceed(name);
        List<String> olds = oldNames.get(name);
        if (olds == null) {
            return current;
        }
        ConfigValue chosen = current;
        for (String old : olds) {
            ConfigValue value = context.proceed(old);
            if (value == null || value.getValue() == null) {
                continue;
            }
            boolean wins = chosen == null || chosen.getValue() == null
                    || value.getConfigSourceOrdinal() > chosen.getConfigSourceOrdinal();
            warn(old, name, wins);
            if (wins) {
                chosen = value.withName(name);
            }
        }
        return chosen;
    }

    private void warn(String old, String name, boolean used) {
        if (warned.add(old)) {
            warnings.accept(old + " is renamed " + name + " (environment " + environmentName(name) + "): "
                    + (used ? "the old name is still read, until the next release" : "the old name is ignored, as the new one is set")
                    + " (docs/configuration.md, \"Renamed settings\")");
        }
    }

    /** The environment variable Quarkus reads for a property: upper case, every other character than a letter or digit as '_'. */
    public static String environmentName(String property) {
        StringBuilder env = new StringBuilder(property.length());
        for (char c : property.toCharArray()) {
            env.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return env.toString();
    }

    static Map<String, List<String>> load(ClassLoader loader) {
        if (loader == null) {
            loader = RenamedSettings.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(TABLE)) {
            if (in == null) {
                return Collections.emptyMap();
            }
            Properties table = new Properties();
            table.load(in);
            return parse(table);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TABLE, e);
        }
    }

    static Map<String, List<String>> parse(Properties table) {
        Map<String, List<String>> oldNames = new LinkedHashMap<>();
        for (String name : table.stringPropertyNames()) {
            List<String> olds = Arrays.stream(table.getProperty(name).split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (!olds.isEmpty()) {
                oldNames.put(name, olds);
            }
        }
        return oldNames;
    }
}

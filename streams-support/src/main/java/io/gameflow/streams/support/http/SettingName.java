package io.gameflow.streams.support.http;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A setting as an operator knows it: the property, and the environment variable application.properties reads it from
 * ({@code ${ENGAGEMENT_PEER_KEY:}}), so that a refusal at start names what to set in this service, whichever it is.
 */
final class SettingName {

    private static final Pattern VARIABLE = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:.*)?}$");

    private SettingName() {
    }

    static String of(Config config, String property) {
        ConfigValue value = config.getConfigValue(property);
        String raw = value == null ? null : value.getRawValue();
        if (raw == null) {
            return property;
        }
        Matcher variable = VARIABLE.matcher(raw.trim());
        return variable.matches() ? property + " (" + variable.group(1) + ")" : property;
    }
}

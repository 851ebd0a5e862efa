package io.gameflow.streams.support.http;

import io.gameflow.config.RenamedSettings;

/**
 * A setting as an operator knows it: the property and its environment variable by Quarkus' rule
 * (docs/configuration.md), so that a refusal at start names what to set.
 */
final class SettingName {

    private SettingName() {
    }

    static String of(String property) {
        return property + " (" + RenamedSettings.environmentName(property) + ")";
    }
}

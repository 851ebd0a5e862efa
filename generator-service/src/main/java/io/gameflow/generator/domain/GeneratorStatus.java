package io.gameflow.generator.domain;

import java.util.Map;

/** What the generator is doing and has done, as shown by {@code GET /v1/generator}. */
public record GeneratorStatus(boolean running, String mode, double rate, long seed,
                              Map<String, Long> sentPerTopic, long sendErrors, String lastError) {
}

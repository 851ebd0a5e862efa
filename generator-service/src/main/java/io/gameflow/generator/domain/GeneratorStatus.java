package io.gameflow.generator.domain;

import java.time.Instant;
import java.util.Map;

/**
 * What the generator is doing and has done, as shown by {@code GET /v1/generator}: {@code rate} is player events per
 * second of event time, {@code clockSpeed} how much faster than the wall clock event time runs, {@code eventTime}
 * where it is now (null before the first start), {@code sentPerTopic} the events the destination acknowledged,
 * {@code backlog} those handed over and not yet acknowledged, {@code lastError} the latest failure or retry, if any.
 */
public record GeneratorStatus(boolean running, String mode, double rate, double clockSpeed, Instant eventTime, long seed,
                              Map<String, Long> sentPerTopic, long backlog, long sendErrors, String lastError) {
}

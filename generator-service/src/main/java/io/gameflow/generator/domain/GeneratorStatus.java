package io.gameflow.generator.domain;

import java.time.Instant;
import java.util.Map;

/**
 * What the generator is doing and has done, as shown by {@code GET /v1/generator}: {@code rate} is player events per
 * second of event time, as set; {@code achievedRate} those the destination acknowledged per second of event time over
 * the last 10 s (null while stopped or before a second has passed); {@code behind} whether in that time the destination
 * took fewer than were due, so that fewer were generated (never dropped); {@code clockSpeed} how much faster than the
 * wall clock event time runs, {@code eventTime}
 * where it is now (null before the first start), {@code sentPerTopic} the events the destination acknowledged,
 * {@code backlog} those handed over and not yet acknowledged, {@code lastError} the latest failure or retry, if any.
 */
public record GeneratorStatus(boolean running, String mode, double rate, Double achievedRate, boolean behind,
                              double clockSpeed, Instant eventTime, long seed, Map<String, Long> sentPerTopic, long backlog,
                              long sendErrors, String lastError) {
}

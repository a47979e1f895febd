package dev.rungs.store;

import dev.rungs.space.Config;
import java.time.Instant;

/**
 * One exploit of population-based training: a trial copied a donor's checkpoint and
 * continued with a perturbed configuration. The PBT chart and a replay are drawn from these.
 *
 * @param trial the trial that exploited
 * @param donor the trial it copied
 * @param step the step at which it happened
 * @param oldConfig the configuration before
 * @param newConfig the configuration after
 * @param at when it happened
 */
public record LineageEntry(int trial, int donor, long step, Config oldConfig, Config newConfig, Instant at) {
}

package dev.edgeforge.api.impulse;

/**
 * A board the cost estimates can be computed for.
 *
 * @param id         board id, as the firmware builder names it
 * @param name       shown to users
 * @param clockHz    core clock the estimate divides by
 * @param ramBytes   the board's RAM, what an impulse's device memory is checked against
 * @param flashBytes the board's flash
 */
public record CostTarget(String id, String name, long clockHz, long ramBytes, long flashBytes) {}

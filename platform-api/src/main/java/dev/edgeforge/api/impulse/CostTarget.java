package dev.edgeforge.api.impulse;

/**
 * A board the cost estimates can be computed for.
 *
 * @param id      board id, as the firmware builder names it
 * @param name    shown to users
 * @param clockHz core clock the estimate divides by
 */
public record CostTarget(String id, String name, long clockHz) {}

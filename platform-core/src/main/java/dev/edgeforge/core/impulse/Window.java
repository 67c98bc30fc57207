package dev.edgeforge.core.impulse;

/**
 * One window cut from a sample.
 *
 * @param index   position among the sample's windows, from 0
 * @param startMs start time in the (resampled) sample, in ms
 * @param axes    {@code axes[axis][sample]} (colour planes for images)
 */
public record Window(int index, double startMs, float[][] axes) {}

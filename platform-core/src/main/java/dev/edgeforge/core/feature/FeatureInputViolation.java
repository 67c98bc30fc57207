package dev.edgeforge.core.feature;

/**
 * A sample cannot go through an impulse: it lacks an axis a processing block reads, it is an image where the input
 * block wants a time series (or the reverse), or an image arrived without its pixels. The message names the sample
 * and what is missing.
 */
public class FeatureInputViolation extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public FeatureInputViolation(String message) {
        super(message);
    }
}

package dev.edgeforge.core.sample;

/**
 * A {@link SampleData} (or an operation on one) would break one of its rules: axis lengths differ, a value is NaN
 * or infinite, the interval is not positive, a crop range holds no samples, and so on. The message names the rule
 * and the offending value.
 */
public class SampleDataViolation extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public SampleDataViolation(String message) {
        super(message);
    }
}

package dev.edgeforge.api.sample;

/**
 * Which samples of a project a list or a bulk action applies to; null fields do not filter.
 *
 * @param label     exact label
 * @param unlabeled true: only samples without a label; false: only labeled ones
 * @param category  one category
 * @param name      case-insensitive substring of the name
 * @param device    exact device name or device type
 * @param enabled   only enabled (true) or disabled (false) samples
 * @param signature only samples with this signature status
 */
public record SampleFilter(
        String label,
        Boolean unlabeled,
        SampleCategory category,
        String name,
        String device,
        Boolean enabled,
        SampleSignature signature) {

    /** Every sample. */
    public static SampleFilter all() {
        return new SampleFilter(null, null, null, null, null, null, null);
    }

    public SampleFilter {
        label = blankToNull(label);
        name = blankToNull(name);
        device = blankToNull(device);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

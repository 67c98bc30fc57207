package dev.edgeforge.api.sample;

import java.util.Locale;

/**
 * Where a sample's stored bytes come from: the file as uploaded, or content EdgeForge wrote after changing the values
 * (a crop, a segment of a split). An uploaded file is exported byte for byte, its signature included; edited content
 * carries no signature (a signature cannot survive a change of the values), and the export says so.
 */
public enum ContentOrigin {
    UPLOADED,
    EDITED;

    /** The {@code sample.content_origin} column's value and what the API says. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ContentOrigin fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

package dev.edgeforge.core.synthetic;

import dev.edgeforge.core.sample.SampleData;
import java.util.Objects;

/**
 * One generated recording.
 *
 * @param name      a stable file-like name, e.g. {@code wave.p03.r01}
 * @param label     the class label, e.g. {@code wave}
 * @param person    the person (or speaker) index, from 0, for splits by person
 * @param recording the recording index for this person and class, from 0
 * @param data      the values
 */
public record SyntheticSample(String name, String label, int person, int recording, SampleData data) {

    public SyntheticSample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(data, "data");
    }
}

package dev.edgeforge.jobs.tune;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A candidate the tune job picked to be built and run in the emulator: its int8 network and a few raw validation
 * windows are in the object store ({@link TuneObjects}).
 *
 * @param candidateId the candidate ({@link TuneCandidate#id()})
 * @param impulse     its impulse ({@code ImpulseJson}), whose DSP block the firmware runs on the raw windows
 * @param labels      class labels in output order
 * @param modelKey    the int8 .tflite
 * @param windowsKey  raw windows of the validation split, as the device's DSP block takes them
 */
public record TuneFinalist(
        String candidateId, JsonNode impulse, List<String> labels, String modelKey, String windowsKey) {

    public TuneFinalist {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}

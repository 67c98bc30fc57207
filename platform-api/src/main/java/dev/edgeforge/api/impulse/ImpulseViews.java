package dev.edgeforge.api.impulse;

import dev.edgeforge.api.problem.FieldProblem;
import dev.edgeforge.core.impulse.AudioInput;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.InputBlock;
import dev.edgeforge.core.impulse.LearningBlockRef;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.WindowedInput;
import dev.edgeforge.core.impulse.suggest.Suggestion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The JSON shapes of the impulse API. */
final class ImpulseViews {

    private ImpulseViews() {}

    /**
     * A project's impulse.
     *
     * @param version   the version number; 0 for the default impulse of a project that saved none
     * @param saved     false for that default
     * @param createdAt when the version was saved (null for the default)
     * @param createdBy who saved it (null for the default, an API key or a deleted user)
     * @param impulse   the impulse JSON, as {@code PUT} takes it
     * @param suggested whether the unsaved impulse is the one suggested from the project's data (else, without data,
     *                  the motion template)
     * @param reasons   why the suggestion looks as it does, one sentence per choice; empty unless suggested
     */
    record ImpulseView(
            int version,
            boolean saved,
            Instant createdAt,
            UUID createdBy,
            JsonNode impulse,
            boolean suggested,
            List<String> reasons) {

        static ImpulseView of(StoredImpulse stored) {
            return new ImpulseView(
                    stored.version(),
                    true,
                    stored.createdAt(),
                    stored.createdBy(),
                    ImpulseDocuments.toJson(stored.impulse()),
                    false,
                    List.of());
        }

        static ImpulseView unsaved(Impulse impulse) {
            return new ImpulseView(
                    0, false, null, null, ImpulseDocuments.toJson(impulse.withVersion(0)), false, List.of());
        }

        static ImpulseView suggested(Suggestion suggestion) {
            return new ImpulseView(
                    0,
                    false,
                    null,
                    null,
                    ImpulseDocuments.toJson(suggestion.impulse().withVersion(0)),
                    true,
                    suggestion.reasons());
        }
    }

    /**
     * The impulse suggested from the project's data.
     *
     * @param impulse the impulse JSON, as {@code PUT} takes it
     * @param reasons why each part was chosen, one plain sentence each
     * @param samples how many samples it was made from (the enabled training samples)
     */
    record SuggestionView(JsonNode impulse, List<String> reasons, int samples) {

        static SuggestionView of(ImpulseService.ProjectSuggestion suggestion) {
            return new SuggestionView(
                    ImpulseDocuments.toJson(suggestion.suggestion().impulse().withVersion(0)),
                    suggestion.suggestion().reasons(),
                    suggestion.trainingSamples());
        }
    }

    /**
     * The answer to a {@code PUT}.
     *
     * @param changed   whether a new version was made (false: the impulse equals the latest version)
     * @param version   the latest version after the save
     * @param createdAt when that version was saved
     * @param createdBy who saved it
     * @param impulse   its JSON
     * @param warnings  how the impulse treats the project's data that the user should know (resampling, data left
     *                  unused), each naming its field; empty when there is nothing to say
     */
    record SavedImpulseView(
            boolean changed,
            int version,
            Instant createdAt,
            UUID createdBy,
            JsonNode impulse,
            List<FieldProblem> warnings) {

        static SavedImpulseView of(ImpulseService.SaveOutcome outcome) {
            StoredImpulse stored = outcome.stored();
            return new SavedImpulseView(
                    outcome.changed(),
                    stored.version(),
                    stored.createdAt(),
                    stored.createdBy(),
                    ImpulseDocuments.toJson(stored.impulse()),
                    outcome.warnings());
        }
    }

    /**
     * One line of the version history.
     *
     * @param version       the version number
     * @param createdAt     when it was saved
     * @param createdBy     who saved it (null for an API key or a deleted user)
     * @param createdByName their name, when known
     * @param summary       the design in a few words
     */
    record ImpulseVersionView(int version, Instant createdAt, UUID createdBy, String createdByName, String summary) {}

    /** "time-series 2000 ms every 80 ms at 62.5 Hz · Spectral features (spectral-analysis) · Classifier (…)". */
    static String summary(Impulse impulse) {
        List<String> parts = new ArrayList<>();
        parts.add(describe(impulse.input()));
        for (ProcessingBlock block : impulse.processingBlocks()) {
            parts.add(block.name() + " ("
                    + (block.params() == null ? "?" : block.createBlock().type()) + ")");
        }
        for (LearningBlockRef learn : impulse.learningBlocks()) {
            parts.add(learn.name() + " (" + learn.type() + ")");
        }
        return String.join(" · ", parts);
    }

    private static String describe(InputBlock input) {
        if (input instanceof WindowedInput w) {
            return String.format(
                    Locale.ROOT,
                    "%s %s ms every %s ms at %s Hz",
                    w instanceof AudioInput ? "audio" : "time series",
                    number(w.windowSizeMs()),
                    number(w.windowStrideMs()),
                    number(w.frequencyHz()));
        }
        if (input instanceof ImageInput image) {
            return "image " + image.width() + "×" + image.height() + " "
                    + image.colorDepth().name().toLowerCase(Locale.ROOT);
        }
        return "no input";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /**
     * Default settings of a learning block, for the editor.
     *
     * @param kind         the learning block kind
     * @param featureKind  the kind of features it reads ({@code flat}, {@code time_series}, …)
     * @param featureShape one window's features; null when the processing blocks are not valid yet
     * @param settings     the settings JSON to put in the learning block
     */
    record LearningDefaultsView(String kind, JsonNode featureKind, List<Integer> featureShape, JsonNode settings) {}
}

package dev.edgeforge.core.impulse;

import dev.edgeforge.core.dsp.DspBlock;
import dev.edgeforge.core.dsp.ParameterError;
import dev.edgeforge.core.dsp.SignalShape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An impulse: input block, processing blocks, learning blocks. Immutable; the server saves every change as a new
 * {@code version} and features and models keep the version they came from. Serialised with {@link ImpulseJson}.
 *
 * @param version          version number, from 1
 * @param input            how samples become windows
 * @param processingBlocks the DSP blocks, each on chosen axes
 * @param learningBlocks   the learning blocks (opaque here)
 */
public record Impulse(
        int version, InputBlock input, List<ProcessingBlock> processingBlocks, List<LearningBlockRef> learningBlocks) {

    public Impulse {
        processingBlocks = processingBlocks == null ? List.of() : List.copyOf(processingBlocks);
        learningBlocks = learningBlocks == null ? List.of() : List.copyOf(learningBlocks);
    }

    /** The same impulse with another version number. */
    public Impulse withVersion(int newVersion) {
        return new Impulse(newVersion, input, processingBlocks, learningBlocks);
    }

    /**
     * What processing block {@code block} receives per window: its axis count at the input's frequency and window
     * length, or the image input's planes.
     */
    public SignalShape signalShapeFor(ProcessingBlock block) {
        if (input instanceof ImageInput image) {
            return SignalShape.image(
                    image.width(), image.height(), image.colorDepth().channels());
        }
        WindowedInput windowed = (WindowedInput) input;
        return SignalShape.timeSeries(
                Math.max(1, block.axes().size()), Math.max(1, windowed.windowSamples()), windowed.frequencyHz());
    }

    /**
     * Every reason this impulse cannot run, each naming its field; empty when valid.
     *
     * @param datasetAxes axis names the project's samples have, or null to skip that check
     */
    public List<ParameterError> check(List<String> datasetAxes) {
        List<ParameterError> errors = new ArrayList<>();
        if (version < 1) {
            errors.add(new ParameterError("version", "must be 1 or more, got " + version));
        }
        if (input == null) {
            errors.add(new ParameterError("input", "an impulse needs an input block"));
            return errors;
        }
        List<ParameterError> inputErrors = input.check();
        errors.addAll(inputErrors);
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < processingBlocks.size(); i++) {
            ProcessingBlock block = processingBlocks.get(i);
            String at = "processingBlocks[" + i + "]";
            if (block == null) {
                errors.add(new ParameterError(at, "must not be null"));
                continue;
            }
            if (!ids.add(block.id())) {
                errors.add(new ParameterError(at + ".id", "id " + block.id() + " is used by another block"));
            }
            if (block.name() == null || block.name().isBlank()) {
                errors.add(new ParameterError(at + ".name", "must not be blank"));
            }
            if (block.params() == null) {
                errors.add(new ParameterError(at + ".params", "must say the block type and its parameters"));
                continue;
            }
            checkAxes(block, at, datasetAxes, errors);
            if (inputErrors.isEmpty()) {
                DspBlock dsp = block.createBlock();
                for (ParameterError e : dsp.check(signalShapeFor(block))) {
                    errors.add(new ParameterError(at + "." + e.field(), e.message()));
                }
            }
        }
        for (int i = 0; i < learningBlocks.size(); i++) {
            LearningBlockRef learn = learningBlocks.get(i);
            String at = "learningBlocks[" + i + "]";
            if (learn == null) {
                errors.add(new ParameterError(at, "must not be null"));
                continue;
            }
            if (learn.type() == null || learn.type().isBlank()) {
                errors.add(new ParameterError(at + ".type", "must not be blank"));
            }
            for (int input : learn.inputs()) {
                if (!ids.contains(input)) {
                    errors.add(new ParameterError(
                            at + ".inputs",
                            "refers to processing block " + input + ", which this impulse does not have"));
                }
            }
        }
        return errors;
    }

    private void checkAxes(ProcessingBlock block, String at, List<String> datasetAxes, List<ParameterError> errors) {
        if (input instanceof ImageInput) {
            return;
        }
        if (block.axes().isEmpty()) {
            errors.add(new ParameterError(at + ".axes", "choose at least one axis"));
        }
        if (new HashSet<>(block.axes()).size() != block.axes().size()) {
            errors.add(new ParameterError(at + ".axes", "lists an axis twice: " + block.axes()));
        }
        if (datasetAxes != null) {
            for (String axis : block.axes()) {
                if (!datasetAxes.contains(axis)) {
                    errors.add(new ParameterError(
                            at + ".axes", "axis '" + axis + "' is not in the dataset (it has " + datasetAxes + ")"));
                }
            }
        }
    }

    /** Throws {@link ImpulseViolation} listing every problem {@link #check} finds. */
    public void validate(List<String> datasetAxes) {
        List<ParameterError> errors = check(datasetAxes);
        if (!errors.isEmpty()) {
            throw new ImpulseViolation(errors);
        }
    }
}

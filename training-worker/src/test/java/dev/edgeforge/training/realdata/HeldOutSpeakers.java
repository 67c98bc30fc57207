package dev.edgeforge.training.realdata;

import dev.edgeforge.core.dsp.MfeParams;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.learning.Augmentation;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.SpectrogramAugmentation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Measures the platform defaults ({@link RealDataDefaultsIT#platformDefaults()}) on voices never heard: for each
 * fsdd-dev speaker named, train on the other speakers and test on every recording of that one.
 * {@code java -cp <test classpath> dev.edgeforge.training.realdata.HeldOutSpeakers [variant=NAME] speaker ...}
 * ({@code standard}: fsdd's usual split, every voice in training);
 * variants (candidate default changes, to be chosen on some speakers and confirmed on another): {@code defaults},
 * {@code mfe} (MFE instead of MFCC), {@code shift} (SpecAugment plus time shifts of up to 10 %), {@code freq2} (two
 * frequency masks), {@code offset0.5} and {@code offset1} (per-bin offsets of that many spreads).
 */
public final class HeldOutSpeakers {

    private HeldOutSpeakers() {}

    public static void main(String[] args) {
        String variant = "defaults";
        List<String> speakers = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("variant=")) {
                variant = arg.substring("variant=".length());
            } else {
                speakers.add(arg);
            }
        }
        List<RealSample> fsdd = RealDatasets.fsdd();
        RealDataExperiment experiment = new RealDataExperiment(System.out::println);
        RealDataExperiment.Config config = variant(variant);
        System.out.println(RealDataExperiment.Result.header());
        for (String speaker : speakers.isEmpty() ? RealDatasets.FSDD_SPEAKERS : speakers) {
            // "standard" is fsdd's usual split (every speaker in training), to check a change does not cost it
            RealSplit split = speaker.equals("standard")
                    ? RealDatasets.fsddStandard(fsdd)
                    : RealDatasets.fsddLeaveSpeakerOut(fsdd, speaker);
            RealDataExperiment.Result result = experiment.run(config, split);
            System.out.println("  impulse: " + result.impulse());
            System.out.println(result.row());
        }
    }

    static RealDataExperiment.Config variant(String name) {
        RealDataExperiment.Config base = RealDataDefaultsIT.platformDefaults();
        return switch (name) {
            case "defaults" -> base;
            case "mfe" ->
                new RealDataExperiment.Config(
                        name,
                        training -> withDsp(base.impulse().apply(training)),
                        base.learningBlock(),
                        base.hyperparameters());
            case "shift" ->
                withAugmentation(
                        base,
                        name,
                        a -> new SpectrogramAugmentation(
                                a.timeMasks(),
                                a.maxTimeMaskWidth(),
                                a.frequencyMasks(),
                                a.maxFrequencyMaskWidth(),
                                0,
                                0.1));
            case "offset0.5", "offset1" ->
                withAugmentation(
                        base,
                        name,
                        a -> new SpectrogramAugmentation(
                                a.timeMasks(),
                                a.maxTimeMaskWidth(),
                                a.frequencyMasks(),
                                a.maxFrequencyMaskWidth(),
                                a.noiseStd(),
                                a.maxTimeShift(),
                                Double.parseDouble(name.substring("offset".length()))));
            case "freq2" ->
                withAugmentation(
                        base,
                        name,
                        a -> new SpectrogramAugmentation(
                                a.timeMasks(), a.maxTimeMaskWidth(), 2, a.maxFrequencyMaskWidth(), 0, 0));
            default -> throw new IllegalArgumentException("unknown variant " + name);
        };
    }

    private static Impulse withDsp(Impulse impulse) {
        ProcessingBlock block = impulse.processingBlocks().get(0);
        return new Impulse(
                impulse.version(),
                impulse.input(),
                List.of(new ProcessingBlock(block.id(), "MFE", block.axes(), MfeParams.defaults())),
                impulse.learningBlocks());
    }

    private static RealDataExperiment.Config withAugmentation(
            RealDataExperiment.Config base, String name, UnaryOperator<SpectrogramAugmentation> change) {
        return new RealDataExperiment.Config(name, base.impulse(), base.learningBlock(), input -> {
            Hyperparameters h = base.hyperparameters().apply(input);
            if (input.kind() != FeatureKind.SPECTROGRAM) {
                return h;
            }
            SpectrogramAugmentation a = h.augmentation().spectrogram();
            return h.withAugmentation(Augmentation.of(change.apply(a)));
        });
    }
}

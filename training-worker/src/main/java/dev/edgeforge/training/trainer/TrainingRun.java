package dev.edgeforge.training.trainer;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import dev.edgeforge.core.learning.EarlyStopping;
import dev.edgeforge.core.learning.EpochMetrics;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.InferenceCheck;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.TrainedNetwork;
import dev.edgeforge.core.learning.eval.Prediction;
import dev.edgeforge.training.augmentation.Augmenter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/** One execution of {@link Trainer#train()}: owns the DJL model and trainer for its duration. */
final class TrainingRun {

    /** DJL's PyTorch gradient collector and the engine's random seed are JVM-global: one run at a time. */
    private static final ReentrantLock ENGINE_LOCK = new ReentrantLock();

    private static final String ENGINE = "PyTorch";
    private static final int EVALUATION_BATCH = 1024;
    private static final double DIVERGENCE_FACTOR = 1e6;
    private static final int EXPORT_CHECK_SAMPLES = 500;
    private static final double EXPORT_TOLERANCE = 1e-4;

    private final LearningBlock architecture;
    private final Hyperparameters hyperparameters;
    private final TrainingData data;
    private final EpochListener listener;
    private final BooleanSupplier cancellation;
    private final RunOptions options;
    private final int outputs;
    /** Width of a label row: the outputs, plus the teacher's soft targets when distilling. */
    private final int labelWidth;

    private final int sampleSize;

    private LearningRateController learningRate;
    private long dataNanos;
    private long computeNanos;
    private long metricsNanos;
    private SetupListener setup = SetupListener.NONE;

    TrainingRun(
            LearningBlock architecture,
            Hyperparameters hyperparameters,
            TrainingData data,
            EpochListener listener,
            BooleanSupplier cancellation,
            RunOptions options) {
        this.architecture = architecture;
        this.hyperparameters = hyperparameters;
        this.data = data;
        this.listener = listener;
        this.cancellation = cancellation;
        this.options = options;
        this.outputs = data.outputCount();
        this.labelWidth = options.distillation() == null ? outputs : 2 * outputs;
        this.sampleSize = data.sampleShape().elementCount();
    }

    TrainingResult run(SetupListener setup) {
        if (!ENGINE_LOCK.tryLock()) {
            // one run at a time per JVM (PyTorch's seeds and threads are global): say why nothing moves yet
            setup.onStage("Waiting for the training engine: another training in this worker is using it", 0);
            ENGINE_LOCK.lock();
        }
        this.setup = setup;
        try {
            return runLocked();
        } finally {
            ENGINE_LOCK.unlock();
        }
    }

    private TrainingResult runLocked() {
        long start = System.nanoTime();
        data.check();
        long seed = hyperparameters.seed();
        DataSplit split = split(seed);
        float[] classWeights = hyperparameters.autoClassWeights() && data.isClassification()
                ? balancedClassWeights(split.train())
                : null;
        Augmenter augmenter = Augmenter.of(data.featureKind(), data.sampleShape(), hyperparameters.augmentation());

        int batchesPerEpoch = batchBounds(split.train().length, hyperparameters.batchSize()).length;
        learningRate = new LearningRateController(
                hyperparameters.learningRate(),
                hyperparameters.schedule(),
                (long) hyperparameters.epochs() * batchesPerEpoch);
        setup.onStage("Loading the PyTorch engine", 0.1);
        Engine engine = pyTorch();
        engine.setRandomSeed((int) Seeds.derive(seed, Seeds.ENGINE));
        try (Model model = Model.newInstance("edgeforge-training", Device.cpu(), ENGINE)) {
            List<LayerSpec> layers = trainedLayers();
            setup.onStage(
                    String.format(
                            Locale.ROOT,
                            "Building the network: %d layers on input %s, %d training and %d validation windows,"
                                    + " %d batches per epoch",
                            layers.size(),
                            data.sampleShape(),
                            split.train().length,
                            split.validation().length,
                            batchesPerEpoch),
                    0.2);
            LayerNetworkBlock network = new LayerNetworkBlock(data.sampleShape(), layers);
            model.setBlock(network);
            try (Trainer trainer = model.newTrainer(trainingConfig())) {
                trainer.initialize(ChannelLayout.channelsLast(1, data.sampleShape()));
                setup.onStage(
                        String.format(
                                Locale.ROOT,
                                "Network ready (%.1f s); warming up with the first epoch",
                                (System.nanoTime() - start) / 1e9),
                        0.3);
                if (options.initialWeights() != null) {
                    WeightImporter.load(network, options.initialWeights());
                }
                long setupNanos = System.nanoTime() - start;
                return new EpochLoop(trainer, network, split, classWeights, augmenter, setupNanos).run();
            }
        }
    }

    /**
     * The PyTorch engine, loaded on first use with one intra-op and one inter-op thread unless the system properties
     * {@code ai.djl.pytorch.num_threads} / {@code ai.djl.pytorch.num_interop_threads} say otherwise: TinyML networks
     * are too small to gain from more threads, and on a shared, busy machine PyTorch's spinning worker threads made
     * training up to 8 times slower (measured on the 2-core build machine).
     */
    static Engine pyTorch() {
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        return Engine.getEngine(ENGINE);
    }

    /** The network trained: for classification without its final softmax, which the loss applies itself. */
    private List<LayerSpec> trainedLayers() {
        List<LayerSpec> layers = architecture.networkLayers(data.sampleShape(), outputs);
        if (data.isClassification() && layers.get(layers.size() - 1) instanceof LayerSpec.Softmax) {
            return layers.subList(0, layers.size() - 1);
        }
        return layers;
    }

    private DefaultTrainingConfig trainingConfig() {
        Distillation distillation = options.distillation();
        Loss loss = distillation != null
                ? new DistillationLoss(outputs, distillation.temperature(), distillation.alpha())
                : data.isClassification() ? new WeightedSoftmaxCrossEntropy() : Loss.l2Loss("mse", 1f);
        return new DefaultTrainingConfig(loss)
                .optDevices(new Device[] {Device.cpu()})
                // Glorot uniform (Keras' default): bound sqrt(6 / (fan_in + fan_out)).
                .optInitializer(
                        new XavierInitializer(
                                XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3f),
                        Parameter.Type.WEIGHT)
                .optOptimizer(
                        Optimizer.adam().optLearningRateTracker(learningRate).build());
    }

    private DataSplit split(long seed) {
        Random rng = new Random(Seeds.derive(seed, Seeds.SPLIT));
        double fraction = hyperparameters.validationSplit();
        DataSplit split = data.isClassification()
                ? DataSplit.stratified(data.labels(), outputs, fraction, rng)
                : DataSplit.random(data.sampleCount(), fraction, rng);
        if (split.validation().length == 0) {
            throw new TrainingException(
                    TrainingException.Reason.TOO_FEW_SAMPLES,
                    String.format(
                            Locale.ROOT,
                            "The validation set is empty: %d samples with a validation split of %s leave none for "
                                    + "validation. Add samples or raise the validation split.",
                            data.sampleCount(),
                            hyperparameters.validationSplit()));
        }
        if (split.train().length == 0) {
            throw new TrainingException(
                    TrainingException.Reason.TOO_FEW_SAMPLES,
                    String.format(
                            Locale.ROOT,
                            "The training set is empty: %d samples with a validation split of %s leave none to train "
                                    + "on. Add samples or lower the validation split.",
                            data.sampleCount(),
                            hyperparameters.validationSplit()));
        }
        return split;
    }

    /** {@code n / (classes * n_c)} over the training samples, so every class weighs the same in total. */
    /**
     * {@code n / (classes * n_class)} per class, or null when the classes are about balanced (the largest under
     * {@link Hyperparameters#IMBALANCE_RATIO} times the smallest): weights near 1 would only add noise. A class
     * without training windows keeps weight 1 (it never appears in the loss).
     */
    private float[] balancedClassWeights(int[] train) {
        int[] counts = new int[outputs];
        for (int i : train) {
            counts[data.labels()[i]]++;
        }
        int largest = 0;
        int smallest = Integer.MAX_VALUE;
        for (int count : counts) {
            if (count > 0) {
                largest = Math.max(largest, count);
                smallest = Math.min(smallest, count);
            }
        }
        if (largest == 0 || largest < Hyperparameters.IMBALANCE_RATIO * smallest) {
            return null;
        }
        float[] weights = new float[outputs];
        for (int c = 0; c < outputs; c++) {
            weights[c] = counts[c] == 0 ? 1f : (float) train.length / (outputs * counts[c]);
        }
        return weights;
    }

    /** The epochs of one run, with the state they share. */
    private final class EpochLoop {
        private final Trainer trainer;
        private final LayerNetworkBlock network;
        private final DataSplit split;
        private final float[] classWeights;
        private final Augmenter augmenter;
        private final long setupNanos;
        private Random shuffleRng;
        private Random augmentationRng;
        private final List<EpochMetrics> history = new ArrayList<>();
        private final NetworkWeights weights;
        private final float[][] softTargets;
        private double firstLoss = Double.NaN;
        private long step;
        private int[] order;
        private double bestLoss = Double.POSITIVE_INFINITY;
        private int bestEpoch;
        private int epochsWithoutImprovement;
        private float[][] bestWeights;

        EpochLoop(
                Trainer trainer,
                LayerNetworkBlock network,
                DataSplit split,
                float[] classWeights,
                Augmenter augmenter,
                long setupNanos) {
            this.trainer = trainer;
            this.network = network;
            this.split = split;
            this.classWeights = classWeights;
            this.augmenter = augmenter;
            this.setupNanos = setupNanos;
            this.shuffleRng = new Random(Seeds.derive(hyperparameters.seed(), Seeds.SHUFFLE));
            this.augmentationRng = new Random(Seeds.derive(hyperparameters.seed(), Seeds.AUGMENTATION));
            this.weights = new NetworkWeights(network, trainer.getManager());
            Distillation distillation = options.distillation();
            this.softTargets = distillation == null ? null : new float[data.sampleCount()][];
            if (distillation != null) {
                for (int i = 0; i < softTargets.length; i++) {
                    softTargets[i] = distillation.softTargets(i);
                }
            }
        }

        TrainingResult run() {
            long loopStart = System.nanoTime();
            order = split.train().clone();
            EarlyStopping earlyStopping = hyperparameters.earlyStopping();
            boolean stoppedEarly = false;
            int batchesPerEpoch = batchBounds(order.length, hyperparameters.batchSize()).length;
            options.stepHook()
                    .beforeTraining(
                            new TrainingStep(
                                    0,
                                    hyperparameters.epochs(),
                                    0,
                                    batchesPerEpoch,
                                    0,
                                    (long) hyperparameters.epochs() * batchesPerEpoch),
                            weights);
            String fingerprint = options.checkpoints() == null ? null : fingerprint();
            int firstEpoch = fingerprint == null ? 1 : resume(fingerprint) + 1;
            int savedEpoch = firstEpoch - 1;
            long savedAt = System.nanoTime();
            for (int epoch = firstEpoch; epoch <= hyperparameters.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                EpochTotals totals = trainEpoch(epoch, order);
                checkCancelled(epoch, "before validation");
                Validation validation = validate(epoch);
                EpochMetrics metrics = new EpochMetrics(
                        epoch,
                        hyperparameters.epochs(),
                        totals.loss(),
                        totals.accuracy(),
                        validation.loss(),
                        validation.accuracy(),
                        (System.nanoTime() - epochStart) / 1_000_000,
                        (System.nanoTime() - loopStart + setupNanos) / 1_000_000);
                history.add(metrics);
                listener.onEpoch(metrics);
                learningRate.onValidation(validation.loss());
                if (earlyStopping == null) {
                    bestEpoch = epoch;
                } else if (validation.loss() < bestLoss - earlyStopping.minDelta()) {
                    bestLoss = validation.loss();
                    bestEpoch = epoch;
                    bestWeights = snapshotWeights();
                    epochsWithoutImprovement = 0;
                } else if (++epochsWithoutImprovement >= earlyStopping.patience()) {
                    stoppedEarly = epoch < hyperparameters.epochs();
                    break;
                }
                if (fingerprint != null
                        && epoch < hyperparameters.epochs()
                        && epoch - savedEpoch >= options.checkpointPolicy().everyEpochs()
                        && System.nanoTime() - savedAt
                                >= options.checkpointPolicy().minInterval().toNanos()) {
                    options.checkpoints()
                            .save(epoch, checkpoint(fingerprint, epoch).encode());
                    savedEpoch = epoch;
                    savedAt = System.nanoTime();
                }
            }
            if (bestWeights != null && bestEpoch != history.size()) {
                restoreWeights(bestWeights);
            }
            long epochNanos = System.nanoTime() - loopStart;
            float[][] validationOutputs = outputs(split.validation(), true);
            TrainedNetwork exported = WeightExporter.export(
                    network,
                    architecture.networkLayers(data.sampleShape(), outputs),
                    data.sampleShape(),
                    data.kind(),
                    data.outputNames());
            InferenceCheck.Comparison exportCheck = checkExport(exported, validationOutputs);
            TrainingTiming timing =
                    new TrainingTiming(setupNanos, dataNanos, computeNanos, metricsNanos, epochNanos, history.size());
            return new TrainingResult(
                    architecture,
                    hyperparameters,
                    data.outputNames(),
                    List.copyOf(history),
                    bestEpoch,
                    stoppedEarly,
                    split.train(),
                    split.validation(),
                    validationOutputs,
                    classWeights,
                    exported,
                    exportCheck,
                    timing);
        }

        /**
         * Runs the exported network in plain Java on (up to {@value TrainingRun#EXPORT_CHECK_SAMPLES}) validation
         * samples and
         * compares with DJL's outputs: a mismatch is a bug in the export, and the model must not go on.
         */
        private InferenceCheck.Comparison checkExport(TrainedNetwork exported, float[][] validationOutputs) {
            int count = Math.min(EXPORT_CHECK_SAMPLES, validationOutputs.length);
            float[][] samples = new float[count][];
            for (int i = 0; i < count; i++) {
                samples[i] = data.features()[split.validation()[i]];
            }
            InferenceCheck.Comparison comparison =
                    new InferenceCheck(exported).compare(samples, Arrays.copyOf(validationOutputs, count));
            if (!comparison.isWithin(EXPORT_TOLERANCE)) {
                throw new TrainingException(
                        TrainingException.Reason.EXPORT_MISMATCH,
                        String.format(
                                Locale.ROOT,
                                "The exported weights do not reproduce the trained network: outputs differ by up to "
                                        + "%.3g (validation sample %d). This is a bug in EdgeForge, please report it.",
                                comparison.maxAbsoluteDifference(),
                                comparison.worstSample()));
            }
            return comparison;
        }

        /** During epoch 1 (the warm-up: PyTorch compiles and allocates), about every tenth of its batches. */
        private void reportFirstEpoch(int epoch, int done, int total) {
            int every = Math.max(1, total / 10);
            if (epoch == 1 && (done % every == 0 || done == total)) {
                setup.onStage(
                        String.format(Locale.ROOT, "First epoch: %d of %d batches", done, total),
                        0.3 + 0.7 * done / total);
            }
        }

        private EpochTotals trainEpoch(int epoch, int[] order) {
            long t0 = System.nanoTime();
            shuffle(order);
            dataNanos += System.nanoTime() - t0;
            int[][] batches = batchBounds(order.length, hyperparameters.batchSize());
            double lossSum = 0;
            int correct = 0;
            for (int b = 0; b < batches.length; b++) {
                checkCancelled(epoch, "after " + b + " of " + batches.length + " batches");
                int start = batches[b][0];
                int size = batches[b][1] - start;
                long prepareStart = System.nanoTime();
                float[] x = new float[size * sampleSize];
                float[] y = new float[size * labelWidth];
                fillBatch(order, start, size, x, y);
                try (NDManager batchManager = trainer.getManager().newSubManager()) {
                    NDArray input = batchManager.create(x, ChannelLayout.channelsLast(size, data.sampleShape()));
                    NDArray label = batchManager.create(y, new Shape(size, labelWidth));
                    long computeStart = System.nanoTime();
                    dataNanos += computeStart - prepareStart;
                    NDArray output;
                    NDArray loss;
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        output = trainer.forward(new NDList(input)).singletonOrThrow();
                        loss = trainer.getLoss().evaluate(new NDList(label), new NDList(output));
                        collector.backward(loss);
                    }
                    trainer.step();
                    step++;
                    reportFirstEpoch(epoch, b + 1, batches.length);
                    options.stepHook()
                            .afterStep(
                                    new TrainingStep(
                                            epoch,
                                            hyperparameters.epochs(),
                                            b + 1,
                                            batches.length,
                                            step,
                                            (long) hyperparameters.epochs() * batches.length),
                                    weights);
                    long metricsStart = System.nanoTime();
                    computeNanos += metricsStart - computeStart;
                    float batchLoss = loss.getFloat();
                    checkDivergence(batchLoss, "epoch " + epoch + ", batch " + (b + 1) + " of " + batches.length);
                    lossSum += (double) batchLoss * size;
                    if (data.isClassification()) {
                        correct += countCorrect(output.toFloatArray(), order, start, size);
                    }
                    metricsNanos += System.nanoTime() - metricsStart;
                }
            }
            double loss = lossSum / order.length;
            Double accuracy = data.isClassification() ? (double) correct / order.length : null;
            return new EpochTotals(loss, accuracy);
        }

        /**
         * Copies the batch's samples (augmented) and labels; labels are one-hot rows scaled by class weight, followed
         * by the teacher's soft targets when distilling.
         */
        private void fillBatch(int[] order, int start, int size, float[] x, float[] y) {
            for (int k = 0; k < size; k++) {
                int sample = order[start + k];
                System.arraycopy(data.features()[sample], 0, x, k * sampleSize, sampleSize);
                augmenter.augment(x, k * sampleSize, augmentationRng);
                if (data.isClassification()) {
                    int label = data.labels()[sample];
                    y[k * labelWidth + label] = classWeights == null ? 1f : classWeights[label];
                    if (softTargets != null) {
                        System.arraycopy(softTargets[sample], 0, y, k * labelWidth + outputs, outputs);
                    }
                } else {
                    System.arraycopy(data.targets()[sample], 0, y, k * outputs, outputs);
                }
            }
        }

        private int countCorrect(float[] logits, int[] order, int start, int size) {
            int correct = 0;
            for (int k = 0; k < size; k++) {
                if (argmax(logits, k * outputs, outputs) == data.labels()[order[start + k]]) {
                    correct++;
                }
            }
            return correct;
        }

        /** Validation loss (unweighted) and accuracy, computed in Java from the network's raw outputs. */
        private Validation validate(int epoch) {
            float[][] raw = outputs(split.validation(), false);
            long metricsStart = System.nanoTime();
            double lossSum = 0;
            int correct = 0;
            int[] indices = split.validation();
            for (int i = 0; i < indices.length; i++) {
                if (data.isClassification()) {
                    int label = data.labels()[indices[i]];
                    lossSum += crossEntropy(raw[i], label);
                    if (argmax(raw[i], 0, outputs) == label) {
                        correct++;
                    }
                } else {
                    float[] target = data.targets()[indices[i]];
                    for (int j = 0; j < outputs; j++) {
                        double d = raw[i][j] - target[j];
                        lossSum += d * d / outputs;
                    }
                }
            }
            double loss = lossSum / indices.length;
            metricsNanos += System.nanoTime() - metricsStart;
            checkDivergence(loss, "the validation of epoch " + epoch);
            return new Validation(loss, data.isClassification() ? (double) correct / indices.length : null);
        }

        /** The network's outputs for these samples, in chunks, without dropout; softmax applied when asked. */
        private float[][] outputs(int[] indices, boolean applySoftmax) {
            float[][] result = new float[indices.length][];
            for (int start = 0; start < indices.length; start += EVALUATION_BATCH) {
                int size = Math.min(EVALUATION_BATCH, indices.length - start);
                long prepareStart = System.nanoTime();
                float[] x = new float[size * sampleSize];
                for (int k = 0; k < size; k++) {
                    System.arraycopy(data.features()[indices[start + k]], 0, x, k * sampleSize, sampleSize);
                }
                try (NDManager chunkManager = trainer.getManager().newSubManager()) {
                    NDArray input = chunkManager.create(x, ChannelLayout.channelsLast(size, data.sampleShape()));
                    long computeStart = System.nanoTime();
                    dataNanos += computeStart - prepareStart;
                    NDArray output = trainer.evaluate(new NDList(input)).singletonOrThrow();
                    if (applySoftmax && data.isClassification()) {
                        output = output.softmax(1);
                    }
                    long metricsStart = System.nanoTime();
                    computeNanos += metricsStart - computeStart;
                    float[] flat = output.toFloatArray();
                    for (int k = 0; k < size; k++) {
                        result[start + k] = Arrays.copyOfRange(flat, k * outputs, (k + 1) * outputs);
                    }
                    metricsNanos += System.nanoTime() - metricsStart;
                }
            }
            return result;
        }

        /**
         * What makes a checkpoint fit this run: the layers trained, the data's shape, size, outputs and split, the
         * class weights and the hyperparameters (seed and epochs included). A checkpoint of anything else is ignored.
         */
        private String fingerprint() {
            String identity = String.join(
                    "\n",
                    trainedLayers().toString(),
                    data.sampleShape().toString(),
                    data.featureKind().name(),
                    data.kind().name(),
                    data.outputNames().toString(),
                    String.valueOf(data.sampleCount()),
                    Arrays.toString(split.train()),
                    Arrays.toString(split.validation()),
                    Arrays.toString(classWeights),
                    hyperparameters.toString(),
                    String.valueOf(options.initialWeights() != null),
                    String.valueOf(options.distillation() != null));
            try {
                return HexFormat.of()
                        .formatHex(
                                MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        /** The state after {@code epoch}; it shares the live generators, so encode it at once. */
        private TrainingCheckpoint checkpoint(String fingerprint, int epoch) {
            return new TrainingCheckpoint(
                    fingerprint,
                    epoch,
                    step,
                    firstLoss,
                    snapshotWeights(),
                    bestWeights,
                    bestLoss,
                    bestEpoch,
                    epochsWithoutImprovement,
                    order.clone(),
                    shuffleRng,
                    augmentationRng,
                    learningRate.state(),
                    List.copyOf(history));
        }

        /** Loads the store's checkpoint when it fits this run; answers the last epoch it covers (0 when none). */
        private int resume(String fingerprint) {
            byte[] bytes = options.checkpoints().load();
            if (bytes == null) {
                return 0;
            }
            TrainingCheckpoint checkpoint;
            try {
                checkpoint = TrainingCheckpoint.decode(bytes);
            } catch (IOException e) {
                options.checkpoints().ignored("it cannot be read (" + e.getMessage() + ")");
                return 0;
            }
            String mismatch = mismatch(checkpoint, fingerprint);
            if (mismatch != null) {
                options.checkpoints().ignored(mismatch);
                return 0;
            }
            restoreWeights(checkpoint.weights());
            step = checkpoint.step();
            firstLoss = checkpoint.firstLoss();
            bestWeights = checkpoint.bestWeights();
            bestLoss = checkpoint.bestLoss();
            bestEpoch = checkpoint.bestEpoch();
            epochsWithoutImprovement = checkpoint.epochsWithoutImprovement();
            order = checkpoint.order();
            shuffleRng = checkpoint.shuffleRng();
            augmentationRng = checkpoint.augmentationRng();
            learningRate.resume(checkpoint.learningRate(), checkpoint.step());
            history.addAll(checkpoint.history());
            // dropout draws from the engine's generator, which cannot be saved: reseed it per resumed epoch
            pyTorch().setRandomSeed((int) Seeds.derive(hyperparameters.seed() + checkpoint.epoch(), Seeds.ENGINE));
            options.checkpoints().resumed(checkpoint.epoch() + 1);
            return checkpoint.epoch();
        }

        /** Why the checkpoint does not fit this run, or null when it does. */
        private String mismatch(TrainingCheckpoint checkpoint, String fingerprint) {
            if (!checkpoint.fingerprint().equals(fingerprint)) {
                return "it was saved by a training of another network, data or hyperparameters";
            }
            List<Parameter> parameters = network.getParameters().values();
            if (checkpoint.weights().length != parameters.size()) {
                return "it has " + checkpoint.weights().length + " parameter arrays, the network " + parameters.size();
            }
            for (int i = 0; i < parameters.size(); i++) {
                if (checkpoint.weights()[i].length
                        != parameters.get(i).getArray().size()) {
                    return "its parameter array " + i + " has another size";
                }
            }
            if (checkpoint.epoch() < 1
                    || checkpoint.epoch() >= hyperparameters.epochs()
                    || checkpoint.history().size() != checkpoint.epoch()
                    || checkpoint.order().length != order.length) {
                return "its epoch " + checkpoint.epoch() + " or its history does not fit " + hyperparameters.epochs()
                        + " epochs on " + order.length + " training windows";
            }
            return null;
        }

        private float[][] snapshotWeights() {
            List<Parameter> parameters = network.getParameters().values();
            float[][] copy = new float[parameters.size()][];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = parameters.get(i).getArray().toFloatArray();
            }
            return copy;
        }

        private void restoreWeights(float[][] weights) {
            List<Parameter> parameters = network.getParameters().values();
            for (int i = 0; i < weights.length; i++) {
                parameters.get(i).getArray().set(weights[i]);
            }
        }

        private void shuffle(int[] order) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = shuffleRng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }

        private void checkCancelled(int epoch, String where) {
            if (cancellation.getAsBoolean()) {
                throw new TrainingCancelledException(
                        epoch,
                        "Training was cancelled in epoch " + epoch + " of " + hyperparameters.epochs() + ", " + where
                                + ".");
            }
        }

        /**
         * A NaN or infinite loss ends training, and so does a loss {@value TrainingRun#DIVERGENCE_FACTOR} times above
         * the first
         * batch's (at least 1): a too large learning rate often leaves the loss finite but astronomically high
         * (logits of 1e30 still give finite cross-entropy), and such weights are useless, above all for int8.
         */
        private void checkDivergence(double loss, String where) {
            if (Double.isNaN(firstLoss)) {
                firstLoss = loss;
            }
            String what;
            if (Double.isNaN(loss)) {
                what = "the loss became NaN";
            } else if (Double.isInfinite(loss)) {
                what = "the loss became infinite";
            } else if (loss > DIVERGENCE_FACTOR * Math.max(firstLoss, 1)) {
                what = String.format(Locale.ROOT, "the loss exploded from %.4g to %.4g", firstLoss, loss);
            } else {
                return;
            }
            throw new TrainingException(
                    TrainingException.Reason.DIVERGED,
                    String.format(
                            Locale.ROOT,
                            "Training diverged: %s in %s. Lower the learning rate (now %s) or scale the features (the "
                                    + "largest absolute feature value is %.4g).",
                            what,
                            where,
                            hyperparameters.learningRate(),
                            data.largestAbsoluteFeature()));
        }
    }

    /**
     * Start (inclusive) and end (exclusive) of each batch; a final batch of one sample is merged into the previous
     * one, because batch norm cannot normalize a single sample.
     */
    static int[][] batchBounds(int count, int batchSize) {
        List<int[]> bounds = new ArrayList<>();
        for (int start = 0; start < count; start += batchSize) {
            bounds.add(new int[] {start, Math.min(start + batchSize, count)});
        }
        if (bounds.size() > 1 && bounds.get(bounds.size() - 1)[1] - bounds.get(bounds.size() - 1)[0] == 1) {
            bounds.remove(bounds.size() - 1);
            bounds.get(bounds.size() - 1)[1] = count;
        }
        return bounds.toArray(new int[0][]);
    }

    /** The top-1 class: the platform's one definition ({@link Prediction#top1}). */
    static int argmax(float[] values, int offset, int length) {
        return Prediction.top1(values, offset, length);
    }

    /** {@code -log softmax(logits)[label]}, computed stably in double. */
    static double crossEntropy(float[] logits, int label) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : logits) {
            sum += Math.exp(v - max);
        }
        return -(logits[label] - max - Math.log(sum));
    }

    private record EpochTotals(double loss, Double accuracy) {}

    private record Validation(double loss, Double accuracy) {}
}

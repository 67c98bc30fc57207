package dev.edgeforge.training.trainer;

import dev.edgeforge.core.learning.EpochMetrics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The state of a training run after a finished epoch, enough to continue with the next one: the parameters, the
 * epoch loop's early-stopping state (best loss, its epoch and weights, epochs without improvement), the learning-rate
 * schedule's state, the shuffled order, the seeded generators of shuffling and augmentation, the metrics so far.
 * Adam's moment estimates are not in it: DJL keeps them private to its optimizer, so a resumed run restarts them
 * (Adam's bias correction makes the first steps after a resume behave like a fresh start at the current weights).
 *
 * <p>Binary format: magic, version, then the fields in order (see {@link #encode()}); the two generators are
 * {@link Random}'s own serialized form, read back with a filter that admits that class alone.
 *
 * @param fingerprint what training this belongs to (network, data split, hyperparameters); another is ignored
 */
record TrainingCheckpoint(
        String fingerprint,
        int epoch,
        long step,
        double firstLoss,
        float[][] weights,
        float[][] bestWeights,
        double bestLoss,
        int bestEpoch,
        int epochsWithoutImprovement,
        int[] order,
        Random shuffleRng,
        Random augmentationRng,
        LearningRateController.State learningRate,
        List<EpochMetrics> history) {

    private static final int MAGIC = 0x45464350; // "EFCP"
    private static final int VERSION = 1;

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(fingerprint);
            out.writeInt(epoch);
            out.writeLong(step);
            out.writeDouble(firstLoss);
            writeArrays(out, weights);
            out.writeBoolean(bestWeights != null);
            if (bestWeights != null) {
                writeArrays(out, bestWeights);
            }
            out.writeDouble(bestLoss);
            out.writeInt(bestEpoch);
            out.writeInt(epochsWithoutImprovement);
            out.writeInt(order.length);
            for (int i : order) {
                out.writeInt(i);
            }
            writeRandom(out, shuffleRng);
            writeRandom(out, augmentationRng);
            out.writeDouble(learningRate.plateauRate());
            out.writeDouble(learningRate.bestLoss());
            out.writeInt(learningRate.epochsWithoutImprovement());
            out.writeInt(history.size());
            for (EpochMetrics m : history) {
                out.writeInt(m.epoch());
                out.writeInt(m.epochs());
                out.writeDouble(m.trainLoss());
                writeNullable(out, m.trainAccuracy());
                out.writeDouble(m.validationLoss());
                writeNullable(out, m.validationAccuracy());
                out.writeLong(m.epochMillis());
                out.writeLong(m.elapsedMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a checkpoint.
     *
     * @throws IOException when the bytes are no checkpoint of this format (cut short, another version, garbage)
     */
    static TrainingCheckpoint decode(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a training checkpoint");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException("checkpoint format " + version + ", this worker reads " + VERSION);
            }
            String fingerprint = in.readUTF();
            int epoch = in.readInt();
            long step = in.readLong();
            double firstLoss = in.readDouble();
            float[][] weights = readArrays(in);
            float[][] bestWeights = in.readBoolean() ? readArrays(in) : null;
            double bestLoss = in.readDouble();
            int bestEpoch = in.readInt();
            int epochsWithoutImprovement = in.readInt();
            int[] order = new int[checkedLength(in.readInt(), bytes.length)];
            for (int i = 0; i < order.length; i++) {
                order[i] = in.readInt();
            }
            Random shuffle = readRandom(in);
            Random augmentation = readRandom(in);
            LearningRateController.State rate =
                    new LearningRateController.State(in.readDouble(), in.readDouble(), in.readInt());
            int count = checkedLength(in.readInt(), bytes.length);
            List<EpochMetrics> history = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                history.add(new EpochMetrics(
                        in.readInt(),
                        in.readInt(),
                        in.readDouble(),
                        readNullable(in),
                        in.readDouble(),
                        readNullable(in),
                        in.readLong(),
                        in.readLong()));
            }
            if (in.read() != -1) {
                throw new IOException("bytes after the end of the checkpoint");
            }
            return new TrainingCheckpoint(
                    fingerprint,
                    epoch,
                    step,
                    firstLoss,
                    weights,
                    bestWeights,
                    bestLoss,
                    bestEpoch,
                    epochsWithoutImprovement,
                    order,
                    shuffle,
                    augmentation,
                    rate,
                    history);
        } catch (RuntimeException e) {
            // e.g. a history entry EpochMetrics refuses: the bytes are damaged
            throw new IOException("damaged checkpoint: " + e.getMessage(), e);
        }
    }

    private static void writeArrays(DataOutputStream out, float[][] arrays) throws IOException {
        out.writeInt(arrays.length);
        for (float[] array : arrays) {
            out.writeInt(array.length);
            for (float v : array) {
                out.writeFloat(v);
            }
        }
    }

    private static float[][] readArrays(DataInputStream in) throws IOException {
        int total = in.available();
        float[][] arrays = new float[checkedLength(in.readInt(), total)][];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = new float[checkedLength(in.readInt(), total)];
            for (int j = 0; j < arrays[i].length; j++) {
                arrays[i][j] = in.readFloat();
            }
        }
        return arrays;
    }

    /** A length read from the bytes cannot exceed their count: a damaged length must not allocate gigabytes. */
    private static int checkedLength(int length, int available) throws IOException {
        if (length < 0 || length > available) {
            throw new IOException("damaged checkpoint: a length of " + length);
        }
        return length;
    }

    private static void writeNullable(DataOutputStream out, Double value) throws IOException {
        out.writeBoolean(value != null);
        out.writeDouble(value == null ? 0 : value);
    }

    private static Double readNullable(DataInputStream in) throws IOException {
        boolean present = in.readBoolean();
        double value = in.readDouble();
        return present ? value : null;
    }

    private static void writeRandom(DataOutputStream out, Random random) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
            objects.writeObject(random);
        }
        out.writeInt(bytes.size());
        out.write(bytes.toByteArray());
    }

    private static Random readRandom(DataInputStream in) throws IOException {
        byte[] bytes = new byte[checkedLength(in.readInt(), in.available())];
        in.readFully(bytes);
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            // only java.util.Random itself: nothing else is ever instantiated from stored bytes
            objects.setObjectInputFilter(ObjectInputFilter.Config.createFilter("java.util.Random;!*"));
            Object value = objects.readObject();
            if (value == null || value.getClass() != Random.class) {
                throw new IOException("damaged checkpoint: no random generator");
            }
            return (Random) value;
        } catch (ClassNotFoundException | InvalidClassException e) {
            throw new IOException("damaged checkpoint: " + e.getMessage(), e);
        }
    }
}

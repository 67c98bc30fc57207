package dev.edgeforge.training.trainer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Which samples train and which validate. Both index arrays are sorted ascending, so the split depends only on the
 * data and the seed.
 *
 * @param train      indices of training samples
 * @param validation indices of validation samples
 */
record DataSplit(int[] train, int[] validation) {

    /**
     * Per class, {@code round(n_c * fraction)} samples (at least 1 and at most {@code n_c - 1}) go to validation, so
     * every class is in both sets. Every class must have at least 2 samples.
     */
    static DataSplit stratified(int[] labels, int classCount, double fraction, Random rng) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (List<Integer> members : byClass) {
            Collections.shuffle(members, rng);
            int count = (int) Math.round(members.size() * fraction);
            count = Math.max(1, Math.min(count, members.size() - 1));
            validation.addAll(members.subList(0, count));
            train.addAll(members.subList(count, members.size()));
        }
        return new DataSplit(sorted(train), sorted(validation));
    }

    /** {@code round(n * fraction)} random samples validate, the rest train. */
    static DataSplit random(int sampleCount, double fraction, Random rng) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < sampleCount; i++) {
            all.add(i);
        }
        Collections.shuffle(all, rng);
        int count = (int) Math.round(sampleCount * fraction);
        return new DataSplit(sorted(all.subList(count, sampleCount)), sorted(all.subList(0, count)));
    }

    private static int[] sorted(List<Integer> indices) {
        int[] array = indices.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(array);
        return array;
    }
}

package dev.edgeforge.training.compression;

import java.util.List;
import java.util.Random;

/**
 * Small grey images with a bar: horizontal, vertical or diagonal at a random offset, with noise.
 *
 * @param pixels one row of {@code size * size} values per image ({@code [size, size, 1]})
 * @param labels the bar's class per image
 */
record Images(float[][] pixels, int[] labels) {

    static final List<String> CLASSES = List.of("horizontal", "vertical", "diagonal");

    static Images bars(int perClass, int size, long seed) {
        Random random = new Random(seed);
        float[][] pixels = new float[perClass * 3][size * size];
        int[] labels = new int[perClass * 3];
        for (int i = 0; i < pixels.length; i++) {
            int c = i % 3;
            labels[i] = c;
            int offset = random.nextInt(size);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    boolean on = switch (c) {
                        case 0 -> y == offset;
                        case 1 -> x == offset;
                        default -> (x + offset) % size == y;
                    };
                    pixels[i][y * size + x] = (on ? 1f : 0f) + (float) (random.nextGaussian() * 0.1);
                }
            }
        }
        return new Images(pixels, labels);
    }
}

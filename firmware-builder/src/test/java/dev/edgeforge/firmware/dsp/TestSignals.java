package dev.edgeforge.firmware.dsp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Signals for the parity tests: random ones and synthetic "recordings" built to look like real data (a sung vowel
 * with breath noise and silences, recorded through a 16-bit WAV file; accelerometer gestures with gravity and
 * sensor noise).
 */
final class TestSignals {

    private TestSignals() {}

    /** Full-scale white noise in int16 counts. */
    static float[][] audioNoise(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextInt(65535) - 32767;
        }
        return new float[][] {x};
    }

    /**
     * A vowel /a/: glottal pulse train at ~120 Hz with vibrato, harmonics shaped by formants at 700, 1220 and
     * 2600 Hz, breath noise; {@code quietFraction} of the clip is digital silence followed by a whisper-quiet part,
     * to exercise noise floors and log floors. Saved to and read back from a 16-bit PCM WAV file.
     */
    static float[][] vowelRecording(int n, double fs, double quietFraction, long seed, Path wavDir) {
        Random random = new Random(seed);
        double[] y = new double[n];
        double phase = 0;
        int silent = (int) (n * quietFraction * 0.6);
        int whisper = (int) (n * quietFraction);
        for (int i = 0; i < n; i++) {
            double t = i / fs;
            double f0 = 120 * (1 + 0.02 * Math.sin(2 * Math.PI * 5 * t));
            phase += 2 * Math.PI * f0 / fs;
            double v = 0;
            for (int h = 1; h * f0 < fs / 2 && h <= 60; h++) {
                double hz = h * f0;
                double envelope = formant(hz, 700, 110) + 0.6 * formant(hz, 1220, 120) + 0.25 * formant(hz, 2600, 160);
                v += envelope / h * Math.sin(h * phase);
            }
            double level = i < silent ? 0 : i < whisper ? 0.0004 : 1.0;
            y[i] = level * (9000 * v + random.nextGaussian() * 150);
        }
        return new float[][] {wavRoundTrip(y, fs, wavDir.resolve("vowel-" + seed + ".wav"))};
    }

    private static double formant(double hz, double centre, double bandwidth) {
        double d = (hz - centre) / bandwidth;
        return 1 / (1 + d * d);
    }

    /** A chirp from 100 Hz to 0.45·fs at −4 dB full scale. */
    static float[][] chirp(int n, double fs) {
        float[] x = new float[n];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double hz = 100 + (0.45 * fs - 100) * i / n;
            phase += 2 * Math.PI * hz / fs;
            x[i] = (float) Math.rint(20000 * Math.sin(phase));
        }
        return new float[][] {x};
    }

    private static float[] wavRoundTrip(double[] y, double fs, Path file) {
        ByteBuffer pcm = ByteBuffer.allocate(y.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : y) {
            pcm.putShort((short) Math.max(-32768, Math.min(32767, Math.rint(v))));
        }
        AudioFormat format = new AudioFormat((float) fs, 16, 1, true, false);
        try (AudioInputStream out = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, y.length)) {
            AudioSystem.write(out, AudioFileFormat.Type.WAVE, file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            byte[] bytes = in.readAllBytes();
            ByteBuffer read = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            float[] x = new float[bytes.length / 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = read.getShort();
            }
            return x;
        } catch (IOException | UnsupportedAudioFileException e) {
            throw new IllegalStateException("cannot read back " + file, e);
        }
    }

    /** Three axes of Gaussian noise, σ = 2. */
    static float[][] motionNoise(int n, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[3][n];
        for (float[] axis : x) {
            for (int i = 0; i < n; i++) {
                axis[i] = (float) (2 * random.nextGaussian());
            }
        }
        return x;
    }

    /**
     * An accelerometer (m/s²) on a wrist: gravity mostly on z, a waving gesture (1.5 Hz sweep on x, 4 Hz twist on y)
     * rising and falling over the window, a tap, sensor noise of 0.05.
     */
    static float[][] gesture(int n, double fs, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[3][n];
        for (int i = 0; i < n; i++) {
            double t = i / fs;
            double envelope = Math.sin(Math.PI * i / n);
            double tap = Math.abs(i - n / 3) < 3 ? 6 : 0;
            x[0][i] = (float) (1.2 + 3 * envelope * Math.sin(2 * Math.PI * 1.5 * t) + random.nextGaussian() * 0.05);
            x[1][i] = (float)
                    (-0.8 + 1.5 * envelope * Math.sin(2 * Math.PI * 4 * t + 0.7) + tap + random.nextGaussian() * 0.05);
            x[2][i] = (float) (9.7 + 0.8 * envelope * Math.cos(2 * Math.PI * 1.5 * t) + random.nextGaussian() * 0.05);
        }
        return x;
    }

    /** A device lying still: gravity on z and sensor noise only. */
    static float[][] idle(int n, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[3][n];
        for (int i = 0; i < n; i++) {
            x[0][i] = (float) (0.02 * random.nextGaussian());
            x[1][i] = (float) (0.02 * random.nextGaussian());
            x[2][i] = (float) (9.81 + 0.02 * random.nextGaussian());
        }
        return x;
    }

    /** A packed RGB image of uniform random pixels. */
    static int[] noiseImage(int width, int height, long seed) {
        Random random = new Random(seed);
        int[] p = new int[width * height];
        for (int i = 0; i < p.length; i++) {
            p[i] = random.nextInt(1 << 24);
        }
        return p;
    }

    /** A packed RGB "photo": smooth gradients, a disc and a hard edge. */
    static int[] sceneImage(int width, int height) {
        int[] p = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 255 * x / Math.max(1, width - 1);
                int g = 255 * y / Math.max(1, height - 1);
                int b = x > width / 2 ? 220 : 30;
                double dx = x - width * 0.4;
                double dy = y - height * 0.5;
                if (dx * dx + dy * dy < (height * 0.2) * (height * 0.2)) {
                    r = 250;
                    g = 240;
                    b = 10;
                }
                p[y * width + x] = (r << 16) | (g << 8) | b;
            }
        }
        return p;
    }
}

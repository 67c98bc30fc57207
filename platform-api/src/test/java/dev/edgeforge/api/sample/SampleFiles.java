package dev.edgeforge.api.sample;

import dev.edgeforge.core.format.ei.EiAcquisitionWriter;
import dev.edgeforge.core.format.ei.EiSigning;
import dev.edgeforge.core.format.wav.WavWriter;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** Sample files for tests, written with platform-core's writers (so they are valid by construction). */
final class SampleFiles {

    private SampleFiles() {}

    /** A 3-axis accelerometer series of {@code n} values at 100 Hz, its values drawn from {@code seed}. */
    static SampleData accelerometer(long seed, int n) {
        Random random = new Random(seed);
        float[][] values = new float[3][n];
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < n; i++) {
                values[a][i] = Math.round((float) random.nextGaussian() * 1000) / 100f;
            }
        }
        return SampleData.builder()
                .setSensors(List.of(new Sensor("accX", "m/s2"), new Sensor("accY", "m/s2"), new Sensor("accZ", "m/s2")))
                .setIntervalMs(10)
                .setValues(values)
                .optDeviceName("dev-" + seed)
                .optDeviceType("TEST_BOARD")
                .build();
    }

    static byte[] eiJson(long seed, int n) {
        return EiAcquisitionWriter.writeJson(accelerometer(seed, n), EiSigning.none());
    }

    static byte[] eiJsonSigned(long seed, int n, String hmacKey) {
        return EiAcquisitionWriter.writeJson(accelerometer(seed, n), EiSigning.hs256(hmacKey));
    }

    static byte[] eiCbor(long seed, int n) {
        return EiAcquisitionWriter.writeCbor(accelerometer(seed, n), EiSigning.none());
    }

    /** A CSV with a millisecond timestamp column and two axes. */
    static byte[] csv(int rows, double intervalMs) {
        StringBuilder text = new StringBuilder("timestamp,x,y\n");
        for (int i = 0; i < rows; i++) {
            text.append(Math.round(i * intervalMs))
                    .append(',')
                    .append(i % 7)
                    .append(',')
                    .append(-(i % 5))
                    .append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Silence with a burst of a 440 Hz tone in {@code [burstStartMs, burstEndMs)}, 16-bit mono. */
    static SampleData tone(int rateHz, int durationMs, int burstStartMs, int burstEndMs) {
        int n = rateHz * durationMs / 1000;
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            double t = i * 1000.0 / rateHz;
            if (t >= burstStartMs && t < burstEndMs) {
                values[i] = Math.round(8000 * Math.sin(2 * Math.PI * 440 * i / rateHz));
            }
        }
        return SampleData.builder()
                .setSensors(List.of(new Sensor("audio", "wav")))
                .setIntervalMs(1000.0 / rateHz)
                .setValues(new float[][] {values})
                .build();
    }

    static byte[] wav(int rateHz, int durationMs, int burstStartMs, int burstEndMs) {
        return WavWriter.writePcm16(tone(rateHz, durationMs, burstStartMs, burstEndMs));
    }

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x40);
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

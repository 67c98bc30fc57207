package dev.edgeforge.bench.ingest;

import dev.edgeforge.core.format.ei.EiAcquisitionWriter;
import dev.edgeforge.core.format.ei.EiSigning;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.util.List;
import java.util.Random;

/** Distinct 3-axis accelerometer messages in Edge Impulse's acquisition JSON, about 2 KB each. */
public final class SampleMessages {

    private static final int TARGET_BYTES = 2048;

    private SampleMessages() {}

    /** A message from {@code device} with random values. */
    public static byte[] message(Random random, String device) {
        int rows = 40;
        byte[] bytes;
        do {
            float[][] values = new float[3][rows];
            for (int a = 0; a < 3; a++) {
                for (int i = 0; i < rows; i++) {
                    values[a][i] = Math.round((float) random.nextGaussian() * 1000) / 100f;
                }
            }
            bytes = EiAcquisitionWriter.writeJson(
                    SampleData.builder()
                            .setSensors(List.of(
                                    new Sensor("accX", "m/s2"), new Sensor("accY", "m/s2"), new Sensor("accZ", "m/s2")))
                            .setIntervalMs(16)
                            .setValues(values)
                            .optDeviceName(device)
                            .optDeviceType("BENCH")
                            .build(),
                    EiSigning.none());
            rows += Math.max(1, (TARGET_BYTES - bytes.length) / 40);
        } while (bytes.length < TARGET_BYTES - 64);
        return bytes;
    }
}

package dev.edgeforge.core.format;

import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Random {@link SampleData} for property-based round trips of the format writers and readers. */
public final class SampleArbitraries {

    private SampleArbitraries() {}

    /** Any finite float, with the awkward ones (negative zero, extremes, subnormals) likely. */
    public static Arbitrary<Float> finiteFloats() {
        Arbitrary<Float> anyBits =
                Arbitraries.integers().map(Float::intBitsToFloat).filter(Float::isFinite);
        Arbitrary<Float> everyday = Arbitraries.floats().between(-20000, 20000).ofScale(4);
        Arbitrary<Float> awkward = Arbitraries.of(
                -0.0f, 0.0f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1e-40f, 0.1f, 16777217f, 1.0e10f);
        return Arbitraries.frequencyOf(Tuple.of(4, anyBits), Tuple.of(4, everyday), Tuple.of(1, awkward));
    }

    /** Whole numbers in [min, max], as floats. */
    public static Arbitrary<Float> wholeFloats(int min, int max) {
        return Arbitraries.integers().between(min, max).map(Integer::floatValue);
    }

    public static Arbitrary<String> names() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars("XYZ_0123")
                .ofMinLength(1)
                .ofMaxLength(8);
    }

    public static Arbitrary<String> units() {
        return Arbitraries.of("", "m/s2", "wav", "Cel", "%RH", "µT", "N/A", "\"q\"");
    }

    public static Arbitrary<Double> intervals() {
        return Arbitraries.oneOf(
                Arbitraries.of(1.0, 10.0, 16.0, 1000.0 / 16000, 1000.0 / 44100, 1000.0 / 3),
                Arbitraries.doubles().between(0.001, 10_000).ofScale(6));
    }

    /** Time series with 1..maxAxes sensors (unique names), 1..maxLength values and values from {@code values}. */
    public static Arbitrary<SampleData> timeSeries(int maxAxes, int maxLength, Arbitrary<Float> values) {
        Arbitrary<Integer> axes = Arbitraries.integers().between(1, maxAxes);
        Arbitrary<Integer> length = Arbitraries.integers().between(1, maxLength);
        return Combinators.combine(axes, length).flatAs((a, n) -> {
            Arbitrary<List<String>> sensorNames = names().list().ofSize(a).uniqueElements();
            Arbitrary<List<String>> sensorUnits = units().list().ofSize(a);
            Arbitrary<List<Float>> flat = values.list().ofSize(a * n);
            Arbitrary<String> device = Arbitraries.strings()
                    .alpha()
                    .numeric()
                    .withChars(":-")
                    .ofMaxLength(12)
                    .injectNull(0.3);
            return Combinators.combine(sensorNames, sensorUnits, flat, intervals(), device, device)
                    .as((nm, un, vs, interval, deviceName, deviceType) -> {
                        List<Sensor> sensors = new ArrayList<>();
                        for (int i = 0; i < a; i++) {
                            sensors.add(new Sensor(nm.get(i), un.get(i)));
                        }
                        float[][] v = new float[a][n];
                        for (int i = 0; i < a * n; i++) {
                            v[i % a][i / a] = vs.get(i);
                        }
                        return SampleData.builder()
                                .setSensors(sensors)
                                .setIntervalMs(interval)
                                .setValues(v)
                                .optDeviceName(deviceName)
                                .optDeviceType(deviceType)
                                .build();
                    });
        });
    }
}

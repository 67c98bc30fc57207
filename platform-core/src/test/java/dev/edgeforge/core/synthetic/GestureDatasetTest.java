package dev.edgeforge.core.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.edgeforge.core.dsp.FilterType;
import dev.edgeforge.core.dsp.FlattenParams;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.feature.FeatureExtractor;
import dev.edgeforge.core.feature.FeatureRow;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import dev.edgeforge.core.synthetic.GestureDataset.Gesture;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GestureDatasetTest {

    private static final List<String> AXES = List.of("accX", "accY", "accZ");

    @Test
    void isDeterministicBySeedAndStablePerPerson() {
        GestureDataset a = GestureDataset.builder()
                .optPersons(3)
                .optRecordingsPerGesture(2)
                .optLengthSeconds(4)
                .build();
        List<SyntheticSample> first = a.generate();
        assertThat(GestureDataset.builder()
                        .optPersons(3)
                        .optRecordingsPerGesture(2)
                        .optLengthSeconds(4)
                        .build()
                        .generate())
                .isEqualTo(first);
        assertThat(a.recording(1, Gesture.CIRCLE, 1)).isEqualTo(first.get(4 * 2 + 2 * 2 + 1));
        // more persons leave the first ones untouched
        List<SyntheticSample> more = GestureDataset.builder()
                .optPersons(5)
                .optRecordingsPerGesture(2)
                .optLengthSeconds(4)
                .build()
                .generate();
        assertThat(more.subList(0, first.size())).isEqualTo(first);
        List<SyntheticSample> otherSeed = GestureDataset.builder()
                .optSeed(43)
                .optPersons(3)
                .optRecordingsPerGesture(2)
                .optLengthSeconds(4)
                .build()
                .generate();
        for (int i = 0; i < first.size(); i++) {
            assertThat(otherSeed.get(i).data()).isNotEqualTo(first.get(i).data());
        }
    }

    @Test
    void hasTheShapeUnitsAndBalanceAsked() {
        GestureDataset dataset = GestureDataset.builder()
                .optPersons(4)
                .optRecordingsPerGesture(3)
                .optGestures(EnumSet.allOf(Gesture.class))
                .build();
        List<SyntheticSample> samples = dataset.generate();

        assertThat(samples).hasSize(4 * 5 * 3);
        assertThat(dataset.labels()).containsExactly("idle", "wave", "circle", "updown", "snake");
        Map<String, Long> perLabel = samples.stream()
                .collect(Collectors.groupingBy(SyntheticSample::label, TreeMap::new, Collectors.counting()));
        assertThat(perLabel.values()).containsOnly(12L);
        assertThat(samples.stream().map(SyntheticSample::name).collect(Collectors.toSet()))
                .hasSize(samples.size());
        assertThat(samples.get(0).name()).isEqualTo("idle.p00.r00");
        for (SyntheticSample s : samples) {
            SampleData d = s.data();
            assertThat(d.sensors())
                    .containsExactly(
                            new Sensor("accX", "m/s2"), new Sensor("accY", "m/s2"), new Sensor("accZ", "m/s2"));
            assertThat(d.intervalMs()).isEqualTo(16.0);
            assertThat(d.length()).isEqualTo(625);
            for (int axis = 0; axis < 3; axis++) {
                for (float v : d.axis(axis)) {
                    assertThat(Math.abs(v)).isLessThanOrEqualTo((float) GestureDataset.RANGE);
                    double steps = v / GestureDataset.LSB;
                    assertThat(steps).isCloseTo(Math.rint(steps), within(1e-3));
                }
            }
        }
        GestureDataset fast = GestureDataset.builder()
                .optPersons(1)
                .optRecordingsPerGesture(1)
                .optFrequencyHz(100)
                .optLengthSeconds(3)
                .build();
        assertThat(fast.generate()).allSatisfy(s -> {
            assertThat(s.data().length()).isEqualTo(300);
            assertThat(s.data().intervalMs()).isEqualTo(10.0);
        });
    }

    @Test
    void gravityIsThereAndGesturesMoveAtTheirTempo() {
        GestureDataset dataset = GestureDataset.builder()
                .optPersons(6)
                .optRecordingsPerGesture(2)
                .build();
        for (SyntheticSample s : dataset.generate()) {
            SampleData d = s.data();
            double[] mean = new double[3];
            for (int axis = 0; axis < 3; axis++) {
                for (float v : d.axis(axis)) {
                    mean[axis] += v / d.length();
                }
            }
            // at rest only gravity (with bias and drift) remains; in motion the hand's rotation, correlated with
            // its acceleration, adds a few m/s² of offset, as on a real wrist
            double magnitude = Math.sqrt(mean[0] * mean[0] + mean[1] * mean[1] + mean[2] * mean[2]);
            assertThat(magnitude)
                    .as(s.name())
                    .isCloseTo(GestureDataset.GRAVITY, within(s.label().equals("idle") ? 0.6 : 3.0));
        }
        // the dominant motion frequency of a noise-free wave is near 1.9 Hz × the person's tempo (0.7..1.4)
        GestureDataset clean = GestureDataset.builder()
                .optNoiseScale(0)
                .optPersons(4)
                .optRecordingsPerGesture(1)
                .build();
        for (int p = 0; p < 4; p++) {
            SampleData wave = clean.recording(p, Gesture.WAVE, 0).data();
            double peak = dominantFrequency(wave.axis(0), wave.frequencyHz());
            assertThat(peak).as("person %d", p).isBetween(1.9 * 0.6, 1.9 * 1.6);
            SampleData idle = clean.recording(p, Gesture.IDLE, 0).data();
            assertThat(standardDeviation(idle.axis(0))).isLessThan(standardDeviation(wave.axis(0)) / 2);
        }
    }

    @Test
    void nearestCentroidSeparatesUnseenPersonsWellButNotPerfectly() {
        GestureDataset dataset = GestureDataset.builder()
                .optPersons(12)
                .optRecordingsPerGesture(3)
                .build();
        FeatureExtractor extractor = new FeatureExtractor(new Impulse(
                1,
                TimeSeriesInput.defaults(),
                List.of(
                        new ProcessingBlock(
                                1,
                                "Spectral",
                                AXES,
                                new SpectralAnalysisParams(1, FilterType.NONE, 3, 6, 64, true, true, 0, 0.1)),
                        new ProcessingBlock(2, "Flatten", AXES, FlattenParams.defaults())),
                List.of()));
        List<FeatureRow> train = new ArrayList<>();
        Map<Integer, List<FeatureRow>> testByPerson = new TreeMap<>();
        for (SyntheticSample s : dataset.generate()) {
            List<FeatureRow> rows = extractor.extract(s.name(), s.label(), s.data());
            if (s.person() < 8) {
                train.addAll(rows);
            } else {
                testByPerson.computeIfAbsent(s.person(), p -> new ArrayList<>()).addAll(rows);
            }
        }
        NearestCentroid classifier = new NearestCentroid(train);
        List<FeatureRow> test =
                testByPerson.values().stream().flatMap(List::stream).toList();
        double accuracy = classifier.accuracy(test);
        Map<Integer, Double> perPerson = testByPerson.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> classifier.accuracy(e.getValue())));

        // chance is 25 %: the classes are learnable from the features …
        assertThat(accuracy).isGreaterThan(0.75);
        // … but persons differ, and the sloppiest persons' windows are not all classified right
        assertThat(accuracy).isLessThan(0.99);
        int sloppiest = testByPerson.keySet().stream()
                .max((x, y) -> Double.compare(dataset.sloppiness(x), dataset.sloppiness(y)))
                .orElseThrow();
        assertThat(dataset.sloppiness(sloppiest)).isGreaterThan(0.6);
        assertThat(perPerson.get(sloppiest)).isLessThan(0.99);
        assertThat(train.stream().map(FeatureRow::label).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(dataset.labels());
    }

    @Test
    void refusesSettingsOutOfRange() {
        assertThatThrownBy(() -> GestureDataset.builder().optPersons(0).build()).hasMessageContaining("persons");
        assertThatThrownBy(() -> GestureDataset.builder().optFrequencyHz(5).build())
                .hasMessageContaining("20");
        assertThatThrownBy(() -> GestureDataset.builder()
                        .optGestures(EnumSet.noneOf(Gesture.class))
                        .build())
                .hasMessageContaining("at least one gesture");
        assertThatThrownBy(
                        () -> GestureDataset.builder().optNoiseScale(Double.NaN).build())
                .hasMessageContaining("noise scale");
    }

    private static double dominantFrequency(float[] x, double hz) {
        double mean = 0;
        for (float v : x) {
            mean += v / x.length;
        }
        double best = 0;
        double bestPower = -1;
        for (double f = 0.2; f < 8; f += 0.02) {
            double re = 0;
            double im = 0;
            for (int i = 0; i < x.length; i++) {
                re += (x[i] - mean) * Math.cos(2 * Math.PI * f * i / hz);
                im += (x[i] - mean) * Math.sin(2 * Math.PI * f * i / hz);
            }
            if (re * re + im * im > bestPower) {
                bestPower = re * re + im * im;
                best = f;
            }
        }
        return best;
    }

    private static double standardDeviation(float[] x) {
        double mean = 0;
        for (float v : x) {
            mean += v / x.length;
        }
        double s = 0;
        for (float v : x) {
            s += (v - mean) * (v - mean) / x.length;
        }
        return Math.sqrt(s);
    }
}

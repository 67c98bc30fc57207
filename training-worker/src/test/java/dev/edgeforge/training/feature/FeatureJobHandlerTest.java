package dev.edgeforge.training.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.dsp.FlattenParams;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.feature.FeatureChunk;
import dev.edgeforge.core.feature.FeatureExtractor;
import dev.edgeforge.core.feature.FeatureSet;
import dev.edgeforge.core.feature.FeatureSource;
import dev.edgeforge.core.feature.WindowFeatures;
import dev.edgeforge.core.format.ei.EiAcquisitionWriter;
import dev.edgeforge.core.format.ei.EiSigning;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.LearningBlockRef;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import dev.edgeforge.core.synthetic.GestureDataset;
import dev.edgeforge.core.synthetic.SyntheticSample;
import dev.edgeforge.infra.job.JobCancelledException;
import dev.edgeforge.infra.job.NonRetryableJobException;
import dev.edgeforge.infra.storage.FileSystemObjectStore;
import dev.edgeforge.infra.storage.ObjectInfo;
import dev.edgeforge.infra.testing.RecordingJobContext;
import dev.edgeforge.jobs.feature.FeatureJobPayload;
import dev.edgeforge.jobs.feature.FeatureJobResult;
import dev.edgeforge.jobs.feature.FeatureJobSample;
import dev.edgeforge.jobs.feature.FeatureManifest;
import dev.edgeforge.jobs.feature.FeatureObjectKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The features job against a real filesystem object store, with a recording job context. */
class FeatureJobHandlerTest {

    private static final List<String> AXES = List.of("accX", "accY", "accZ");
    /** 8 recordings of 12 s: (750 − 125) / 5 + 1 = 126 windows each at the default 2000/80 ms windows. */
    private static List<SyntheticSample> recordings;

    @TempDir
    Path root;

    FileSystemObjectStore store;
    UUID projectId;
    List<FeatureJobSample> samples;
    FeatureJobHandler handler;

    @BeforeAll
    static void generate() {
        recordings = GestureDataset.builder()
                .optPersons(2)
                .optRecordingsPerGesture(1)
                .optLengthSeconds(12)
                .build()
                .generate();
    }

    @BeforeEach
    void setUp() {
        store = new FileSystemObjectStore(root);
        projectId = UUID.randomUUID();
        samples = new ArrayList<>();
        for (SyntheticSample recording : recordings) {
            samples.add(upload(
                    recording.name() + ".json",
                    recording.label(),
                    EiAcquisitionWriter.writeJson(recording.data(), EiSigning.none())));
        }
        handler = new FeatureJobHandler(store, 2, Clock.systemUTC());
    }

    private FeatureJobSample upload(String fileName, String label, byte[] bytes) {
        String sha = sha256(bytes);
        String key = "projects/" + projectId + "/samples/" + sha;
        store.put(key, bytes);
        return new FeatureJobSample(UUID.randomUUID().toString(), label, "training", key, sha, fileName);
    }

    private static Impulse impulse(int version, SpectralAnalysisParams params) {
        return new Impulse(
                version,
                TimeSeriesInput.defaults(),
                List.of(new ProcessingBlock(1, "Spectral features", AXES, params)),
                List.of(new LearningBlockRef("classification", "Classifier", List.of(1), null)));
    }

    private RecordingJobContext run(Impulse impulse) throws Exception {
        RecordingJobContext context = new RecordingJobContext(
                projectId,
                FeatureJobPayload.TYPE,
                FeatureJobPayload.of(impulse, samples).toJson());
        handler.run(context);
        return context;
    }

    @Test
    void computesEverySampleStoresChunksAndAManifest() throws Exception {
        Impulse impulse = impulse(1, SpectralAnalysisParams.defaults());
        RecordingJobContext context = run(impulse);

        FeatureJobResult result = FeatureJobResult.parse(context.resultJson());
        FeatureExtractor extractor = new FeatureExtractor(impulse);
        assertThat(result.samples()).isEqualTo(8);
        assertThat(result.windows()).isEqualTo(8 * 126);
        assertThat(result.featureLength()).isEqualTo(extractor.featureLength());
        assertThat(result.computed()).isEqualTo(8);
        assertThat(result.reused()).isZero();
        assertThat(result.labels())
                .extracting(FeatureManifest.LabelCount::label)
                .containsExactly("circle", "idle", "updown", "wave");
        assertThat(result.labels()).allSatisfy(l -> assertThat(l.windows()).isEqualTo(2 * 126));
        assertThat(context.progressValues().get(context.progressValues().size() - 1))
                .isEqualTo(1.0);
        assertThat(context.progressValues()).isSorted();
        assertThat(context.lines())
                .anyMatch(l -> l.startsWith("Reusing the stored features of 0 of 8 sample(s)"))
                .anyMatch(l -> l.startsWith("Computed 8 of 8 sample(s), 1008 window(s)"));

        FeatureManifest manifest = manifest(result.manifestKey());
        assertThat(result.manifestKey()).isEqualTo(FeatureObjectKeys.manifest(projectId, 1, context.jobId()));
        assertThat(manifest.samples())
                .extracting(FeatureManifest.Entry::sampleId)
                .containsExactlyElementsOf(
                        samples.stream().map(FeatureJobSample::id).toList());
        assertThat(manifest.layout())
                .singleElement()
                .satisfies(b -> assertThat(b.type()).isEqualTo("spectral-analysis"));

        // each sample's chunk holds exactly what the extractor computes for that sample
        for (int i = 0; i < samples.size(); i++) {
            FeatureManifest.Entry entry = manifest.samples().get(i);
            FeatureChunk chunk = chunk(entry.chunkKey());
            List<WindowFeatures> expected =
                    extractor.compute(FeatureSource.of(recordings.get(i).data()));
            assertThat(chunk.windows()).isEqualTo(expected);
            assertThat(entry.label()).isEqualTo(recordings.get(i).label());
            assertThat(entry.windows()).isEqualTo(126);
        }
    }

    /**
     * Issue #18: a label that only the test set has ("unknown" in a Studio export) is no class of the model: the
     * training file's dictionary holds the training labels only; the testing file's starts with them and adds it.
     */
    @Test
    void aLabelOnlyInTheTestSetIsNoClassButItsWindowsAreTested() throws Exception {
        List<FeatureJobSample> mixed = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            FeatureJobSample s = samples.get(i);
            // persons 0 train; person 1 tests, one of its recordings labelled "unknown"
            boolean test = recordings.get(i).person() == 1;
            String label = test && recordings.get(i).label().equals("wave") ? "unknown" : s.label();
            mixed.add(new FeatureJobSample(
                    s.id(), label, test ? "testing" : "training", s.objectKey(), s.sha256(), s.fileName()));
        }
        samples = mixed;
        RecordingJobContext context = run(impulse(1, SpectralAnalysisParams.defaults()));
        FeatureJobResult result = FeatureJobResult.parse(context.resultJson());

        FeatureSet training = featureSet(result.trainingSetKey());
        FeatureSet testing = featureSet(result.testingSetKey());
        assertThat(training.header().labels()).containsExactly("circle", "idle", "updown", "wave");
        assertThat(testing.header().labels()).containsExactly("circle", "idle", "updown", "wave", "unknown");
        assertThat(testing.rows()).filteredOn(r -> r.label().equals("unknown")).hasSize(126);
        assertThat(testing.rows()).noneMatch(r -> r.label().equals("wave"));
        assertThat(context.lines())
                .anyMatch(l -> l.startsWith("Label(s) only in the test set") && l.endsWith(": unknown"));
    }

    @Test
    void aSecondRunReusesEverythingAndAChangedParameterRecomputes() throws Exception {
        run(impulse(1, SpectralAnalysisParams.defaults()));
        Map<String, ObjectInfo> before = chunks(1);

        RecordingJobContext again = run(impulse(1, SpectralAnalysisParams.defaults()));
        FeatureJobResult second = FeatureJobResult.parse(again.resultJson());
        assertThat(second.computed()).isZero();
        assertThat(second.reused()).isEqualTo(8);
        assertThat(second.windows()).isEqualTo(8 * 126);
        assertThat(again.lines())
                .anyMatch(
                        l -> l.startsWith("Reusing the stored features of 8 of 8 sample(s); " + "computing 0 samples"));
        assertThat(chunks(1)).isEqualTo(before); // nothing rewritten

        // a new version with the same processing blocks (only the learning block changed): chunks are copied
        Impulse sameDsp = new Impulse(
                2,
                TimeSeriesInput.defaults(),
                impulse(1, SpectralAnalysisParams.defaults()).processingBlocks(),
                List.of());
        FeatureJobResult copied = FeatureJobResult.parse(run(sameDsp).resultJson());
        assertThat(copied.computed()).isZero();
        assertThat(copied.copiedFromVersion()).isEqualTo(8);
        assertThat(chunks(2).keySet()).hasSize(8);

        // another FFT length: every sample is computed again, into other keys
        SpectralAnalysisParams d = SpectralAnalysisParams.defaults();
        SpectralAnalysisParams fft32 = new SpectralAnalysisParams(
                d.scale(),
                d.filterType(),
                d.filterCutoffHz(),
                d.filterOrder(),
                32,
                d.log(),
                d.overlapFfts(),
                d.spectralPeakCount(),
                d.spectralPeakThreshold());
        FeatureJobResult changed = FeatureJobResult.parse(run(impulse(3, fft32)).resultJson());
        assertThat(changed.computed()).isEqualTo(8);
        assertThat(changed.reused()).isZero();
        assertThat(changed.featureLength()).isGreaterThan(second.featureLength());
    }

    @Test
    void newSamplesAreTheOnlyOnesComputedAndIdenticalContentIsComputedOnce() throws Exception {
        List<FeatureJobSample> all = new ArrayList<>(samples);
        samples = new ArrayList<>(all.subList(0, 5));
        run(impulse(1, SpectralAnalysisParams.defaults()));

        // three new recordings, plus a copy of the first one under another id and label
        samples = new ArrayList<>(all);
        FeatureJobSample first = all.get(0);
        samples.add(new FeatureJobSample(
                "copy-of-first", "relabelled", "testing", first.objectKey(), first.sha256(), first.fileName()));
        FeatureJobResult result = FeatureJobResult.parse(
                run(impulse(1, SpectralAnalysisParams.defaults())).resultJson());
        assertThat(result.computed()).isEqualTo(3);
        assertThat(result.reused()).isEqualTo(6);
        FeatureManifest manifest = manifest(result.manifestKey());
        FeatureManifest.Entry copy = manifest.samples().get(8);
        assertThat(copy.chunkKey()).isEqualTo(manifest.samples().get(0).chunkKey());
        assertThat(copy.label()).isEqualTo("relabelled");
        assertThat(copy.category()).isEqualTo("testing");
    }

    @Test
    void aDamagedChunkIsComputedAgain() throws Exception {
        FeatureJobResult first = FeatureJobResult.parse(
                run(impulse(1, SpectralAnalysisParams.defaults())).resultJson());
        String damaged = manifest(first.manifestKey()).samples().get(2).chunkKey();
        byte[] bytes;
        try (InputStream in = store.get(damaged)) {
            bytes = in.readAllBytes();
        }
        bytes[bytes.length / 2] ^= 0x40;
        store.put(damaged, bytes);

        RecordingJobContext again = run(impulse(1, SpectralAnalysisParams.defaults()));
        FeatureJobResult result = FeatureJobResult.parse(again.resultJson());
        assertThat(result.computed()).isEqualTo(1);
        assertThat(result.reused()).isEqualTo(7);
        assertThat(again.lines()).anyMatch(l -> l.contains(damaged) && l.contains("damaged"));
        assertThat(chunk(damaged).windows()).hasSize(126);
    }

    @Test
    void cancelStopsTheRunWithoutAManifest() {
        // cancel once computing has started
        RecordingJobContext context = new RecordingJobContext(
                        projectId,
                        FeatureJobPayload.TYPE,
                        FeatureJobPayload.of(impulse(1, SpectralAnalysisParams.defaults()), samples)
                                .toJson())
                .cancelWhen(c -> c.lines().stream().anyMatch(l -> l.startsWith("Reusing")));

        assertThatThrownBy(() -> handler.run(context))
                .isInstanceOfAny(JobCancelledException.class, CancellationException.class);
        assertThat(context.resultJson()).isNull();
        try (Stream<ObjectInfo> manifests = store.list(FeatureObjectKeys.versionPrefix(projectId, 1) + "manifests")) {
            assertThat(manifests).isEmpty();
        }
        assertThat(chunks(1)).hasSizeLessThan(samples.size());
    }

    @Test
    void aSampleThatCannotBeReadFailsTheJobNamingIt() {
        FeatureJobSample broken =
                upload("broken.csv", "idle", "this is,not\nnumbers,at all\n".getBytes(StandardCharsets.UTF_8));
        samples.add(broken);

        assertThatThrownBy(() -> run(impulse(1, SpectralAnalysisParams.defaults())))
                .isInstanceOf(NonRetryableJobException.class)
                .hasMessageContaining("Sample " + broken.id() + " (broken.csv) cannot be used");
    }

    @Test
    void aBlockReadingAnAxisTheSamplesLackFailsTheJobNamingTheAxis() {
        Impulse gyro = new Impulse(
                1,
                TimeSeriesInput.defaults(),
                List.of(new ProcessingBlock(1, "Gyro stats", List.of("gyrX"), FlattenParams.defaults())),
                List.of());

        assertThatThrownBy(() -> run(gyro))
                .isInstanceOf(NonRetryableJobException.class)
                .hasMessageContaining("gyrX");
    }

    /** Issue #12: clips shorter than the window with zero-padding off made 0 windows and the job "succeeded". */
    @Test
    void aJobThatMakesNoWindowFailsAndItsResultListsTheSamplesAndWhy() {
        Impulse tooLong = new Impulse(
                1,
                new TimeSeriesInput(20_000, 1000, 62.5, false),
                List.of(new ProcessingBlock(1, "Spectral features", AXES, SpectralAnalysisParams.defaults())),
                List.of());
        RecordingJobContext context = new RecordingJobContext(
                projectId,
                FeatureJobPayload.TYPE,
                FeatureJobPayload.of(tooLong, samples).toJson());

        assertThatThrownBy(() -> handler.run(context))
                .isInstanceOf(NonRetryableJobException.class)
                .hasMessageContaining("No sample gave a window: " + samples.size() + " of " + samples.size())
                .hasMessageContaining("shorter than the 20000 ms window, and zero-padding is off")
                .hasMessageContaining("Turn zero-padding on or shorten the window");
        FeatureJobResult result = FeatureJobResult.parse(context.resultJson());
        assertThat(result.windows()).isZero();
        assertThat(result.trainingSetKey()).isNull();
        assertThat(result.withoutWindowCount()).isEqualTo(samples.size());
        assertThat(result.withoutWindows())
                .hasSize(samples.size())
                .allSatisfy(sample -> assertThat(sample.reason())
                        .isEqualTo("it lasts 12000 ms, shorter than the 20000 ms window, and zero-padding is off"));
        assertThat(result.withoutWindows().get(0).fileName()).endsWith(".json");
    }

    @Test
    void samplesWithoutWindowsAreListedInTheResultOfASuccessfulJob() throws Exception {
        SyntheticSample first = recordings.get(0);
        FeatureJobSample shortOne = upload(
                "short.json",
                first.label(),
                EiAcquisitionWriter.writeJson(first.data().crop(0, 1000), EiSigning.none()));
        samples.add(shortOne);
        Impulse noPadding = new Impulse(
                1,
                new TimeSeriesInput(2000, 80, 62.5, false),
                List.of(new ProcessingBlock(1, "Spectral features", AXES, SpectralAnalysisParams.defaults())),
                List.of());

        RecordingJobContext context = run(noPadding);

        FeatureJobResult result = FeatureJobResult.parse(context.resultJson());
        assertThat(result.withoutWindowCount()).isEqualTo(1);
        assertThat(result.withoutWindows()).singleElement().satisfies(sample -> {
            assertThat(sample.sampleId()).isEqualTo(shortOne.id());
            assertThat(sample.reason()).contains("shorter than the 2000 ms window");
        });
        assertThat(context.log()).contains("1 sample(s) gave no window, e.g. 'short.json'");
    }

    @Test
    void aPayloadThatCannotBeReadIsNotRetried() {
        RecordingJobContext context =
                new RecordingJobContext(projectId, FeatureJobPayload.TYPE, "{\"impulseVersion\": 0}");

        assertThatThrownBy(() -> handler.run(context))
                .isInstanceOf(NonRetryableJobException.class)
                .hasMessageContaining("Cannot generate features");
    }

    private Map<String, ObjectInfo> chunks(int version) {
        try (Stream<ObjectInfo> objects = store.list(FeatureObjectKeys.versionPrefix(projectId, version))) {
            return objects.filter(o -> FeatureObjectKeys.parseChunk(o.key()).isPresent())
                    .collect(Collectors.toMap(ObjectInfo::key, Function.identity()));
        }
    }

    private FeatureManifest manifest(String key) throws IOException {
        try (InputStream in = store.get(key)) {
            return FeatureManifest.read(in);
        }
    }

    private FeatureSet featureSet(String key) throws IOException {
        try (InputStream in = store.get(key)) {
            return FeatureSet.read(in);
        }
    }

    private FeatureChunk chunk(String key) throws IOException {
        try (InputStream in = store.get(key)) {
            return FeatureChunk.read(in);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

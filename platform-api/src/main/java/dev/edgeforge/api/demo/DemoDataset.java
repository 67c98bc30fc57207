package dev.edgeforge.api.demo;

import dev.edgeforge.api.sample.IncomingFile;
import dev.edgeforge.core.format.ei.EiAcquisitionWriter;
import dev.edgeforge.core.format.ei.EiSigning;
import dev.edgeforge.core.synthetic.GestureDataset;
import dev.edgeforge.core.synthetic.SyntheticSample;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * The demo's recordings: the four gestures of Edge Impulse's continuous-motion tutorial (idle, wave, circle, updown)
 * by {@value #PERSONS} generated persons, {@value #RECORDINGS} recordings of {@value #SECONDS} s each per gesture, at
 * 62.5 Hz. The last {@value #TEST_PERSONS} persons are the test set, so the test accuracy is that on people the model
 * never saw. Each file is Edge Impulse JSON named {@code <label>.p<person>.r<recording>.json}, the name giving the
 * label by Edge Impulse's rule.
 */
final class DemoDataset {

    static final int PERSONS = 8;
    static final int TEST_PERSONS = 2;
    static final int RECORDINGS = 3;
    static final int SECONDS = 10;
    static final long SEED = 17;

    /** The files of one side of the split. */
    record Files(List<IncomingFile> training, List<IncomingFile> testing) {}

    private DemoDataset() {}

    /** How many recordings the demo holds. */
    static int recordings() {
        return PERSONS * GestureDataset.CLASSIC.size() * RECORDINGS;
    }

    static Files generate() {
        List<SyntheticSample> recordings = GestureDataset.builder()
                .optSeed(SEED)
                .optPersons(PERSONS)
                .optRecordingsPerGesture(RECORDINGS)
                .optLengthSeconds(SECONDS)
                .optGestures(GestureDataset.CLASSIC)
                .build()
                .generate();
        List<IncomingFile> training = recordings.stream()
                .filter(r -> r.person() < PERSONS - TEST_PERSONS)
                .map(DemoDataset::file)
                .toList();
        List<IncomingFile> testing = recordings.stream()
                .filter(r -> r.person() >= PERSONS - TEST_PERSONS)
                .map(DemoDataset::file)
                .toList();
        return new Files(training, testing);
    }

    private static IncomingFile file(SyntheticSample recording) {
        byte[] json = EiAcquisitionWriter.writeJson(recording.data(), EiSigning.none());
        return new IncomingFile(recording.name() + ".json", () -> new ByteArrayInputStream(json));
    }
}

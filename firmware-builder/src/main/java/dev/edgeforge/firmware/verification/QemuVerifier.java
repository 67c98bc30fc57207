package dev.edgeforge.firmware.verification;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.device.NetworkCore;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.interpreter.Interpreter;
import dev.edgeforge.core.learning.eval.Prediction;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.firmware.codegen.InputQuantizer;
import dev.edgeforge.firmware.codegen.TestWindow;
import dev.edgeforge.firmware.qemu.BinaryFrame;
import dev.edgeforge.firmware.qemu.DeviceBanner;
import dev.edgeforge.firmware.qemu.DeviceErrorException;
import dev.edgeforge.firmware.qemu.FlashBatch;
import dev.edgeforge.firmware.qemu.FlashBatchRegion;
import dev.edgeforge.firmware.qemu.InferenceResult;
import dev.edgeforge.firmware.qemu.QemuException;
import dev.edgeforge.firmware.qemu.QemuRunner;
import dev.edgeforge.firmware.qemu.QemuSession;
import dev.edgeforge.firmware.qemu.SerialProtocolClient;
import dev.edgeforge.firmware.qemu.SerialProtocolViolation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * On-device truth for the emulated board: runs a firmware image in QEMU, streams every test window to it over the
 * serial line protocol, collects its outputs and instruction counts, and compares each output with the Java int8
 * reference interpreter's, bit for bit. Raw windows go to an image built with an impulse as they are ({@code window}),
 * so the image's own DSP block computes the features, and the expected output is the server's DSP twin's features
 * through the interpreter: the proof covers the DSP block too, and the counts come as DSP block and network apart.
 * Feature and int8 windows (and raw ones for an image without {@code window}) go as the int8 input tensor the server
 * computed ({@code run}). After the last window the image's stack high-water mark is read with {@code info}.
 *
 * <p>How the windows get there: as many as fit into the flash the image leaves free are written there by QEMU's
 * generic loader before it boots ({@link FlashBatch}) and run with one {@code batch} command, the rest go over the
 * serial line in binary frames. QEMU's emulated serial input costs about as much CPU time per byte as the inference
 * of a small image model: the loader takes it off the line. The image copies each item into the same buffer a frame
 * fills, so the outputs and counts are those of the serial path.
 */
public final class QemuVerifier {

    /** How windows reach the image. */
    private enum Transport {
        /** Hex text lines (the protocol before frames). */
        TEXT,
        /** Binary frames over the serial line. */
        FRAMES,
        /** As many as fit into the image's free flash by QEMU's loader ({@code batch}), the rest as frames. */
        FLASH_BATCH
    }

    private final QemuRunner qemu;
    private final Duration answerTimeout;
    private final Transport transport;

    /**
     * @param qemu          runs the image (its time limit bounds the whole verification)
     * @param answerTimeout how long one inference may take
     */
    public QemuVerifier(QemuRunner qemu, Duration answerTimeout) {
        this(qemu, answerTimeout, Transport.FLASH_BATCH);
    }

    private QemuVerifier(QemuRunner qemu, Duration answerTimeout, Transport transport) {
        this.qemu = qemu;
        this.answerTimeout = answerTimeout;
        this.transport = transport;
    }

    /** The same verifier sending hex text lines instead of binary frames (the protocol before them, to compare). */
    public QemuVerifier withTextLines() {
        return new QemuVerifier(qemu, answerTimeout, Transport.TEXT);
    }

    /**
     * The same verifier sending every window over the serial line in binary frames, none through the image's free
     * flash (to compare, and to test the frames).
     */
    public QemuVerifier withSerialFramesOnly() {
        return new QemuVerifier(qemu, answerTimeout, Transport.FRAMES);
    }

    /**
     * How many windows of {@code itemBytes} one run of {@code firmwareElf} takes through its free flash (0: none, all
     * go over the serial line): what a caller sizes its runs by.
     */
    public int windowsPerLoad(Path firmwareElf, int itemBytes) {
        return transport != Transport.FLASH_BATCH
                ? 0
                : FlashBatchRegion.of(firmwareElf)
                        .map(region -> region.capacity(itemBytes))
                        .orElse(0);
    }

    /**
     * Bytes of one window as the image takes it: the raw window when the request's windows are all raw and it has an
     * impulse, else the int8 input tensor.
     */
    public static int itemBytes(ModelGraph model, Optional<Impulse> impulse, List<TestWindow> windows) {
        return impulse.isPresent() && windows.stream().allMatch(w -> w.kind() == TestWindow.Kind.RAW)
                ? ImpulseDsp.of(impulse.get()).windowBytes()
                : NetworkCore.of(model).input().byteSize();
    }

    /** QEMU from the PATH, at most {@code timeLimit} for the whole run, 60 s per inference. */
    public static QemuVerifier standard(Duration timeLimit) {
        return new QemuVerifier(QemuRunner.builder().optTimeLimit(timeLimit).build(), Duration.ofSeconds(60));
    }

    /**
     * @param firmwareElf an image for {@code netduinoplus2-qemu} built from {@code request.model()}
     * @throws IllegalArgumentException when a window does not fit the model (wrong length, raw without impulse)
     */
    public VerificationReport verify(Path firmwareElf, VerificationRequest request) {
        long start = System.nanoTime();
        NetworkCore core = NetworkCore.of(request.model());
        Optional<ImpulseDsp> dsp = request.impulse().map(ImpulseDsp::of);
        InputQuantizer quantizer =
                new InputQuantizer(core.inputQuantization(), core.input().elementCount(), dsp);
        List<byte[]> inputs = new ArrayList<>();
        for (TestWindow window : request.windows()) {
            inputs.add(quantizer.int8Input(window));
        }
        Interpreter reference = new Interpreter(core.graph());
        List<byte[]> expected = new ArrayList<>();
        for (byte[] input : inputs) {
            expected.add(reference.runInt8(input));
        }

        // raw windows when the image can take them (checked against its banner below), else input tensors
        boolean rawWanted =
                dsp.isPresent() && request.windows().stream().allMatch(w -> w.kind() == TestWindow.Kind.RAW);
        List<byte[]> items = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            items.add(rawWanted ? dsp.get().windowBytes(request.windows().get(i).values()) : inputs.get(i));
        }
        Optional<FlashBatchRegion> region =
                transport == Transport.FLASH_BATCH ? FlashBatchRegion.of(firmwareElf) : Optional.empty();
        int loaded = region.map(r -> Math.min(items.size(), r.capacity(items.get(0).length)))
                .orElse(0);
        FlashBatch batch = loaded == 0
                ? null
                : new FlashBatch(rawWanted ? BinaryFrame.WINDOW : BinaryFrame.INPUT, items.subList(0, loaded));

        List<InferenceResult> results = new ArrayList<>();
        String boardId = "";
        String unit = "";
        Optional<String> failure = Optional.empty();
        boolean raw = false;
        OptionalLong stack = OptionalLong.empty();
        try (QemuSession session =
                batch == null ? qemu.start(firmwareElf) : qemu.start(firmwareElf, batch, region.get())) {
            SerialProtocolClient client = new SerialProtocolClient(session, answerTimeout);
            if (transport == Transport.TEXT) {
                client.textLinesOnly();
            }
            DeviceBanner banner = client.awaitReady();
            boardId = banner.board();
            unit = banner.counterUnit();
            if (banner.inputBytes() != core.input().byteSize()
                    || banner.outputBytes() != core.output().byteSize()) {
                throw new SerialProtocolViolation(
                        "a model with input=" + core.input().byteSize() + " output="
                                + core.output().byteSize(),
                        "input=" + banner.inputBytes() + " output=" + banner.outputBytes());
            }
            OptionalInt windowBytes = banner.windowBytes();
            raw = rawWanted
                    && windowBytes.isPresent()
                    && windowBytes.getAsInt() == dsp.get().windowBytes();
            int next = 0;
            // the loaded batch holds what the image takes (raw windows only when it announced their size)
            if (batch != null && banner.batchBytes().isPresent() && raw == rawWanted) {
                client.batch(loaded, results::add);
                next = loaded;
            }
            for (int i = next; i < inputs.size(); i++) {
                results.add(raw ? client.classifyWindow(items.get(i)) : client.run(inputs.get(i)));
            }
            stack = client.stackBytes();
            client.quit();
            session.awaitExit(answerTimeout);
        } catch (QemuException | SerialProtocolViolation | DeviceErrorException e) {
            failure = Optional.of(e.getMessage());
        }

        List<VerificationReport.Mismatch> mismatches = new ArrayList<>();
        int mismatchCount = 0;
        int matching = 0;
        List<Long> counts = new ArrayList<>();
        List<Long> dspCounts = new ArrayList<>();
        List<Long> networkCounts = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            byte[] actual = results.get(i).output();
            counts.add(results.get(i).count());
            OptionalLong dspCount = results.get(i).dspCount();
            if (dspCount.isPresent()) {
                dspCounts.add(dspCount.getAsLong());
                networkCounts.add(results.get(i).count() - dspCount.getAsLong());
            }
            VerificationReport.Mismatch mismatch = compare(i, expected.get(i), actual);
            if (mismatch == null) {
                matching++;
            } else {
                mismatchCount++;
                if (mismatches.size() < VerificationReport.MAX_MISMATCHES) {
                    mismatches.add(mismatch);
                }
            }
        }
        boolean complete = failure.isEmpty() && results.size() == inputs.size();
        List<byte[]> deviceOutputs =
                results.stream().map(InferenceResult::output).toList();
        return new VerificationReport(
                complete && mismatchCount == 0,
                boardId,
                inputs.size(),
                matching,
                mismatches,
                mismatchCount,
                unit,
                VerificationReport.InstructionStats.of(counts),
                raw ? VerificationReport.PATH_RAW : VerificationReport.PATH_FEATURES,
                // every answer must carry its split, or the parts would be of different windows than the total
                dspCounts.size() == results.size()
                        ? VerificationReport.InstructionStats.of(dspCounts)
                        : Optional.empty(),
                networkCounts.size() == results.size()
                        ? VerificationReport.InstructionStats.of(networkCounts)
                        : Optional.empty(),
                stack,
                accuracy(request, deviceOutputs),
                accuracy(request, expected),
                failure,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static VerificationReport.Mismatch compare(int window, byte[] expected, byte[] actual) {
        if (expected.length != actual.length) {
            return new VerificationReport.Mismatch(
                    window, expected, actual, Math.max(expected.length, actual.length), 0, 256);
        }
        int differing = 0;
        int first = -1;
        int max = 0;
        for (int i = 0; i < expected.length; i++) {
            int difference = Math.abs(expected[i] - actual[i]);
            if (difference != 0) {
                differing++;
                first = first < 0 ? i : first;
                max = Math.max(max, difference);
            }
        }
        return differing == 0 ? null : new VerificationReport.Mismatch(window, expected, actual, differing, first, max);
    }

    /**
     * Top-1 accuracy ({@link Prediction#top1}): share of labelled windows whose highest output names their label;
     * empty without labels. A window whose label is not a class of the model (a label only the test set has) cannot
     * be right or wrong, so it is not counted.
     */
    private static OptionalDouble accuracy(VerificationRequest request, List<byte[]> outputs) {
        List<String> labels = request.labels();
        if (labels.isEmpty()) {
            return OptionalDouble.empty();
        }
        int labelled = 0;
        int correct = 0;
        for (int i = 0; i < outputs.size(); i++) {
            Optional<String> label = request.windows().get(i).label();
            if (label.isEmpty() || !labels.contains(label.get())) {
                continue;
            }
            labelled++;
            // top-1 as every accuracy of the platform counts it; the int8 order is the dequantized scores' order
            int best = Prediction.top1(outputs.get(i));
            if (best < labels.size() && labels.get(best).equals(label.get())) {
                correct++;
            }
        }
        return labelled == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) correct / labelled);
    }
}

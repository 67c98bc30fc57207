package dev.edgeforge.app.calibration;

import dev.edgeforge.core.device.NetworkCore;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.firmware.bundle.BuildRequest;
import dev.edgeforge.firmware.bundle.BuildResult;
import dev.edgeforge.firmware.bundle.DeploymentBuilder;
import dev.edgeforge.firmware.codegen.FirmwareApplication;
import dev.edgeforge.firmware.codegen.TestWindow;
import dev.edgeforge.firmware.qemu.InferenceResult;
import dev.edgeforge.firmware.qemu.QemuRunner;
import dev.edgeforge.firmware.qemu.QemuSession;
import dev.edgeforge.firmware.qemu.SerialProtocolClient;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.deploy.DeploymentFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Instructions per network inference as the firmware measures them: the network built as a {@code firmware}
 * deployment for the emulated STM32F405 ({@code netduinoplus2-qemu}) by the deployment builder (its cache folder is
 * kept between runs, so an unchanged network is not compiled again), run in QEMU ({@code -icount shift=0}: TIM2
 * counts instructions) on a few seeded int8 inputs; the mean of their counts.
 */
public final class DeviceInstructions {

    /** Seeded inputs per network: counts vary by a fraction of a percent with the data (ReLU, saturation). */
    static final int INPUTS = 3;

    private static final Duration BUILD_LIMIT = Duration.ofMinutes(5);
    private static final Duration ANSWER = Duration.ofSeconds(180);

    private final DeploymentBuilder builder;
    private final Path work;

    /**
     * @param cache the deployment builder's cache folder (keep it between runs)
     * @param work  where the builds go
     */
    public DeviceInstructions(Path cache, Path work) {
        this.builder = DeploymentBuilder.builder().setCacheDirectory(cache).build();
        this.work = work;
    }

    /** The mean measured instructions of one inference of {@code int8}. */
    public long measure(String name, ModelGraph int8) {
        int inputBytes = NetworkCore.of(int8).input().byteSize();
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < INPUTS; i++) {
            inputs.add(FirmwareApplication.generatedInput(inputBytes, 0x5eed + i));
        }
        BuildRequest request = new BuildRequest(
                name,
                int8,
                Optional.empty(),
                List.of(),
                BoardCatalogue.QEMU_BOARD_ID,
                DeploymentFormat.FIRMWARE,
                inputs.stream().map(in -> TestWindow.quantized(in, null)).toList());
        BuildResult build = builder.build(request, work.resolve(name), BUILD_LIMIT);
        long sum = 0;
        try (QemuSession session = QemuRunner.builder()
                .optTimeLimit(Duration.ofMinutes(5))
                .build()
                .start(build.firmwareElf().orElseThrow())) {
            SerialProtocolClient client = new SerialProtocolClient(session, ANSWER);
            client.awaitReady();
            for (byte[] input : inputs) {
                InferenceResult result = client.run(input);
                if (!"instr".equals(result.counterUnit())) {
                    throw new IllegalStateException("the emulated board counted " + result.counterUnit());
                }
                sum += result.count();
            }
            client.quit();
            session.awaitExit(ANSWER);
        }
        return Math.round((double) sum / inputs.size());
    }
}

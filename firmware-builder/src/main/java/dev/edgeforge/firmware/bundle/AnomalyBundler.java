package dev.edgeforge.firmware.bundle;

import dev.edgeforge.core.device.UnsupportedModelException;
import dev.edgeforge.core.learning.anomaly.GaussianMixtureModel;
import dev.edgeforge.firmware.anomaly.AnomalyLibrary;
import dev.edgeforge.firmware.anomaly.AnomalyLibraryGenerator;
import dev.edgeforge.firmware.anomaly.AnomalyLibraryRequest;
import dev.edgeforge.firmware.codegen.ModelIdentity;
import dev.edgeforge.firmware.template.CodeTemplate;
import dev.edgeforge.firmware.template.TextContext;
import dev.edgeforge.firmware.toolchain.BinaryTools;
import dev.edgeforge.firmware.toolchain.CompilationFailedException;
import dev.edgeforge.firmware.toolchain.FirmwareCompiler;
import dev.edgeforge.firmware.toolchain.FirmwareImage;
import dev.edgeforge.firmware.toolchain.FirmwareSources;
import dev.edgeforge.firmware.toolchain.GccCompiler;
import dev.edgeforge.firmware.toolchain.ProcessRunner;
import dev.edgeforge.firmware.toolchain.ToolTimeoutException;
import dev.edgeforge.firmware.toolchain.Toolchain;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.deploy.DeploymentFormat;
import dev.edgeforge.jobs.deploy.MemoryReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the deployment of an anomaly model: the generated library ({@link AnomalyLibraryGenerator}) with a main that
 * speaks the serial protocol's {@code score} commands, linked for the board. The {@code firmware} bundle ships the
 * image with its sources; {@code c-library} ships the library's sources (linked for the board all the same, so they
 * are proven to compile and measured). The other formats carry a network only and are refused before this.
 */
public final class AnomalyBundler {

    /** The formats an anomaly model can be deployed as. */
    public static final List<DeploymentFormat> FORMATS = List.of(DeploymentFormat.FIRMWARE, DeploymentFormat.C_LIBRARY);

    private final BoardCatalogue boards;
    private final Toolchain toolchain;
    private final CodeTemplate main = CodeTemplate.load("anomaly/main.c.tmpl");
    private final CodeTemplate window = CodeTemplate.load("anomaly/window.c.tmpl");
    private final CodeTemplate windowFields = CodeTemplate.load("anomaly/window_fields.c.tmpl");
    private final CodeTemplate readme = CodeTemplate.load("anomaly/README.md.tmpl");
    private final CodeTemplate banner = CodeTemplate.load("banner/c.tmpl");
    private final MemoryReports memoryReports = new MemoryReports();

    public AnomalyBundler(BoardCatalogue boards, Toolchain toolchain) {
        this.boards = boards;
        this.toolchain = toolchain;
    }

    /**
     * @param buildDirectory an empty or absent directory for this build
     * @throws DeploymentBuildFailedException when the model cannot be compiled or the compiler fails
     */
    public BuildResult build(
            AnomalyLibraryRequest request,
            String boardId,
            DeploymentFormat format,
            Path buildDirectory,
            Duration limit) {
        long start = System.nanoTime();
        if (!FORMATS.contains(format)) {
            throw new DeploymentBuildFailedException(
                    "the " + format.id() + " format carries a network only; an anomaly model deploys as "
                            + FORMATS.stream().map(DeploymentFormat::id).toList(),
                    "",
                    null);
        }
        Board board = boards.byId(boardId);
        ProcessRunner runner = new ProcessRunner(limit);
        try {
            Files.createDirectories(buildDirectory);
            FirmwareSources sources = FirmwareSources.extractFromClasspath(buildDirectory.resolve("c"));
            AnomalyLibrary library =
                    new AnomalyLibraryGenerator(sources).generate(request, buildDirectory.resolve("library"));
            Path mainFile = buildDirectory.resolve("app/main.c");
            writeMain(library, board, mainFile);
            List<Path> applicationSources = new ArrayList<>(library.sources());
            applicationSources.add(mainFile);
            FirmwareCompiler compiler =
                    new FirmwareCompiler(new GccCompiler(toolchain, runner), new BinaryTools(toolchain, runner));
            FirmwareImage image = compiler.build(
                    buildDirectory.resolve("image"), board, sources, applicationSources, library.includeDirectories());
            MemoryReport memory = MemoryReports.of(board, library.constantBytes(), Optional.of(image));
            BundleWriter writer = new BundleWriter(buildDirectory.resolve("bundle"));
            writer.writeText("MEMORY.md", memoryReports.markdown(memory, library.modelName(), board));
            writer.copyFile(sources.protocolDocument(), "PROTOCOL.md");
            List<String> files = new ArrayList<>();
            if (format == DeploymentFormat.FIRMWARE) {
                writer.copyFile(image.elf(), "firmware.elf");
                writer.copyFile(image.bin(), "firmware.bin");
                writer.copyFile(image.hex(), "firmware.hex");
                writer.copyFile(image.mapFile(), "firmware.map");
                writer.copyFile(sources.boardReadme(board), "FLASHING.md");
                writer.copyTree(library.root(), "sources/library");
                writer.copyFile(mainFile, "sources/app/main.c");
                writer.copyTree(sources.boardCommonDirectory(), "sources/boards/common");
                writer.copyTree(sources.boardDirectory(board), "sources/boards/" + board.id());
                files.add("| `firmware.elf`, `.bin`, `.hex`, `.map` | the image, ready to flash, and its linker map |");
                files.add("| `FLASHING.md` | how to wire and flash this board |");
                files.add("| `sources/` | the library, the application and the board support it was built from |");
            } else {
                writer.copyTree(library.root(), ".");
                files.add("| `model/ef_anomaly_model.h` | the API: `ef_anomaly_run_impulse`, "
                        + "`ef_anomaly_run_features` |");
                files.add("| `model/`, `anomaly/`, `dsp/`, `include/` | the library's sources (portable C99) |");
            }
            writer.writeText("README.md", readme(request, library, board, image, files));
            String rootName = TextContext.FILE_NAME.escape(library.modelName()) + "-" + format.id() + "-" + board.id();
            Path zip = writer.zip(buildDirectory.resolve(rootName + ".zip"), rootName);
            String sha256 = ModelIdentity.sha256(Files.readAllBytes(zip));
            return new BuildResult(
                    zip,
                    sha256,
                    format,
                    board.id(),
                    Optional.of(image.elf()),
                    memory,
                    image.compilerOutput(),
                    library.sha256(),
                    false,
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (CompilationFailedException e) {
            throw new DeploymentBuildFailedException(
                    "the anomaly " + format.id() + " build for " + board.id() + " did not compile: " + e.getMessage(),
                    e.compilerOutput(),
                    e);
        } catch (ToolTimeoutException e) {
            throw new DeploymentBuildFailedException(
                    "the anomaly " + format.id() + " build for " + board.id() + " was stopped: " + e.getMessage(),
                    e.output(),
                    e);
        } catch (UnsupportedModelException e) {
            throw new DeploymentBuildFailedException("the model cannot be deployed: " + e.getMessage(), "", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build in " + buildDirectory, e);
        }
    }

    private void writeMain(AnomalyLibrary library, Board board, Path file) throws IOException {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(
                "banner",
                banner.render(Map.of(
                                "generator",
                                AnomalyLibraryGenerator.GENERATOR,
                                "modelName",
                                library.modelName(),
                                "sha256",
                                library.sha256()))
                        .stripTrailing());
        v.put("boardName", board.name());
        v.put("boardId", board.id());
        v.put("modelName", library.modelName());
        boolean raw = library.impulse().isPresent();
        v.put("windowCommand", raw ? ", `score-window <hex>` a raw window through the impulse's DSP block" : "");
        v.put("window", raw ? window.render(Map.of()) : "");
        v.put("windowFields", raw ? windowFields.render(Map.of()).stripTrailing() : "");
        Files.createDirectories(file.getParent());
        Files.writeString(file, main.render(v), StandardCharsets.UTF_8);
    }

    private String readme(
            AnomalyLibraryRequest request,
            AnomalyLibrary library,
            Board board,
            FirmwareImage image,
            List<String> files) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("modelName", library.modelName());
        v.put("builder", AnomalyLibraryGenerator.GENERATOR);
        v.put("description", request.model().describe());
        v.put("sha256", library.sha256());
        v.put("boardName", board.name());
        v.put("boardId", board.id());
        v.put(
                "definition",
                request.model() instanceof GaussianMixtureModel
                        ? "the negative log-likelihood of the standardized features under the Gaussian mixture."
                        : "the distance from the standardized features to the nearest cluster centre.");
        v.put("threshold", String.format(Locale.ROOT, "%.6g", request.threshold()));
        v.put(
                "impulse",
                library.impulse()
                        .map(dsp -> "The impulse's `" + dsp.block().type() + "` block runs on the device too: "
                                + "`score-window` takes a raw window of " + dsp.windowBytes() + " bytes.")
                        .orElse("The model takes features directly (`score <hex>`)."));
        v.put("files", String.join("\n", files));
        v.put("counter", board.counter().unit());
        v.put("flashBytes", Long.toString(image.size().flashBytes()));
        v.put("ramBytes", Long.toString(image.size().ramBytes()));
        v.put("constantBytes", Long.toString(library.constantBytes()));
        return readme.render(v);
    }
}

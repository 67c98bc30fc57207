package dev.edgeforge.firmware.bundle;

import dev.edgeforge.core.device.UnsupportedModelException;
import dev.edgeforge.firmware.codegen.CLibraryGenerator;
import dev.edgeforge.firmware.codegen.CLibraryRequest;
import dev.edgeforge.firmware.codegen.FirmwareApplication;
import dev.edgeforge.firmware.codegen.GeneratedLibrary;
import dev.edgeforge.firmware.codegen.ModelIdentity;
import dev.edgeforge.firmware.codegen.Stm32CubeAiGenerator;
import dev.edgeforge.firmware.codegen.TflmProjectGenerator;
import dev.edgeforge.firmware.template.TextContext;
import dev.edgeforge.firmware.toolchain.BinaryTools;
import dev.edgeforge.firmware.toolchain.CompilationFailedException;
import dev.edgeforge.firmware.toolchain.FirmwareCompiler;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Builds deployments: one call turns a {@link BuildRequest} (model, optional impulse, labels, board, format, test
 * windows) into a bundle ZIP with a memory report and checksums. Each build runs in its own directory with every
 * compiler run limited in time; a failed build throws {@link DeploymentBuildFailedException} carrying the compiler's
 * output; a build whose inputs are identical to an earlier one's (same cache key: SHA-256 over the inputs, the C
 * sources and {@link #VERSION}) returns the cached result without compiling.
 *
 * <pre>{@code
 * DeploymentBuilder builder = DeploymentBuilder.builder().setCacheDirectory(cache).build();
 * BuildResult result = builder.build(request, buildDirectory, Duration.ofMinutes(2));
 * }</pre>
 *
 * <p>How to add a format: a constant in {@link DeploymentFormat}, a bundler class beside {@code FirmwareBundler}
 * producing the bundle's files into a {@link BundleWriter}, and its case in {@link #produce}.
 */
public final class DeploymentBuilder {

    /** Part of every cache key: raise it when the bundles' contents change for the same inputs. */
    public static final String VERSION = "deployment-builder 1.0/" + CLibraryGenerator.GENERATOR + "/"
            + FirmwareApplication.GENERATOR + "/" + TflmProjectGenerator.GENERATOR + "/"
            + Stm32CubeAiGenerator.GENERATOR;

    private final BoardCatalogue boards;
    private final BuildCache cache;
    private final Supplier<Toolchain> armToolchain;
    private final Optional<Path> tflmDirectory;
    private final Path tflmObjects;

    private DeploymentBuilder(Builder builder) {
        this.boards = builder.boards;
        this.cache = new BuildCache(builder.cacheDirectory);
        // by default beside the finished builds (whose folders are named by hex keys); shared by every tflm build
        this.tflmObjects = builder.tflmObjectDirectory != null
                ? builder.tflmObjectDirectory
                : builder.cacheDirectory.resolve("tflm");
        this.armToolchain = builder.armToolchain;
        this.tflmDirectory = Optional.ofNullable(builder.tflmDirectory);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds (or reuses) the deployment.
     *
     * @param buildDirectory a directory for this build alone (created; must be empty or absent)
     * @param timeLimit      how long each compiler or linker run may take
     * @throws dev.edgeforge.jobs.board.BoardNotFoundException when the board id is unknown
     * @throws DeploymentBuildFailedException when the model cannot be compiled, the compiler fails or times out
     */
    public BuildResult build(BuildRequest request, Path buildDirectory, Duration timeLimit) {
        Objects.requireNonNull(request, "request");
        long start = System.nanoTime();
        Board board = boards.byId(request.boardId());
        prepare(buildDirectory);
        FirmwareSources sources = FirmwareSources.extractFromClasspath(buildDirectory.resolve("c"));
        // A configured TFLM tree changes what tflm bundles hold, so it is part of the key.
        String key = BuildCache.key(
                request,
                VERSION
                        + tflmDirectory
                                .map(dir -> "/tflm=" + dir.toAbsolutePath())
                                .orElse(""),
                SourceDigest.of(sources.root()));
        Optional<BuildResult> cached = cache.load(key, elapsedSince(start));
        if (cached.isPresent()) {
            return cached.get();
        }
        ProcessRunner runner = new ProcessRunner(timeLimit);
        Produced produced;
        try {
            produced = produce(request, board, sources, buildDirectory, runner);
        } catch (CompilationFailedException e) {
            throw new DeploymentBuildFailedException(
                    "the " + request.format().id() + " build for " + board.id() + " did not compile: "
                            + firstLine(e.getMessage()),
                    e.compilerOutput(),
                    e);
        } catch (ToolTimeoutException e) {
            throw new DeploymentBuildFailedException(
                    "the " + request.format().id() + " build for " + board.id() + " was stopped: " + e.getMessage(),
                    e.output(),
                    e);
        } catch (UnsupportedModelException e) {
            throw new DeploymentBuildFailedException("the model cannot be deployed: " + e.getMessage(), "", e);
        }
        String rootName = bundleName(request, board);
        Path zip = produced.writer().zip(buildDirectory.resolve(rootName + ".zip"), rootName);
        String sha256;
        try {
            sha256 = ModelIdentity.sha256(Files.readAllBytes(zip));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + zip, e);
        }
        BuildCache.Entry entry = new BuildCache.Entry(
                zip.getFileName().toString(),
                sha256,
                request.format(),
                board.id(),
                produced.elf().isPresent(),
                produced.memoryReport(),
                produced.compilerOutput());
        return cache.store(key, zip, produced.elf(), entry, elapsedSince(start));
    }

    /** What a format's bundler made: the staged bundle, the linked image if any, and the report. */
    record Produced(BundleWriter writer, Optional<Path> elf, MemoryReport memoryReport, String compilerOutput) {}

    private Produced produce(
            BuildRequest request, Board board, FirmwareSources sources, Path directory, ProcessRunner runner) {
        Toolchain toolchain = armToolchain.get();
        BinaryTools binaryTools = new BinaryTools(toolchain, runner);
        FirmwareCompiler compiler = new FirmwareCompiler(new GccCompiler(toolchain, runner), binaryTools);
        BundleWriter writer = new BundleWriter(directory.resolve("bundle"));
        CLibraryRequest.ArenaOwner arena = request.format() == DeploymentFormat.STM32CUBEAI
                ? CLibraryRequest.ArenaOwner.APPLICATION
                : CLibraryRequest.ArenaOwner.LIBRARY;
        GeneratedLibrary library = new CLibraryGenerator(sources)
                .generate(
                        new CLibraryRequest(
                                request.modelName(), request.model(), request.labels(), request.impulse(), arena),
                        directory.resolve("library"));
        return switch (request.format()) {
            case FIRMWARE ->
                new FirmwareBundler(sources, compiler).bundle(request, board, library, directory, writer, true);
            case C_LIBRARY ->
                new FirmwareBundler(sources, compiler).bundle(request, board, library, directory, writer, false);
            case TFLM ->
                new TflmBundler(sources, tflmDirectory, tflmObjects, runner, binaryTools)
                        .bundle(request, board, library, directory, writer);
            case STM32CUBEAI ->
                new CubeAiBundler(sources, runner, binaryTools, toolchain).bundle(board, library, directory, writer);
        };
    }

    static String bundleName(BuildRequest request, Board board) {
        String model = TextContext.FILE_NAME.escape(request.modelName());
        return model + "-" + request.format().id() + "-" + board.id();
    }

    private static void prepare(Path directory) {
        try {
            if (Files.isDirectory(directory)) {
                try (Stream<Path> entries = Files.list(directory)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException("the build directory " + directory
                                + " is not empty: every build needs a directory of its own");
                    }
                }
            }
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the build directory " + directory, e);
        }
    }

    private static Duration elapsedSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** Configures a {@link DeploymentBuilder}: {@code setX} for required settings, {@code optX} for the rest. */
    public static final class Builder {
        private Path cacheDirectory;
        private BoardCatalogue boards = BoardCatalogue.standard();
        private Supplier<Toolchain> armToolchain = Toolchain::armNoneEabi;
        private Path tflmDirectory;
        private Path tflmObjectDirectory;

        private Builder() {}

        /**
         * Where TFLM's compiled objects and archives are kept (they depend only on the checkout, the core and the
         * operators, not on the model). Default: {@code tflm/} in the cache directory.
         */
        public Builder optTflmObjectDirectory(Path tflmObjectDirectory) {
            this.tflmObjectDirectory = tflmObjectDirectory;
            return this;
        }

        /**
         * A tflite-micro checkout, only read: {@code tflm} builds then compile TFLM's framework and the model's
         * kernels out of tree (cached beside the finished builds) and link the image with the bundle's own Makefile.
         * Default: none, the bundle holds the project only.
         */
        public Builder optTflmDirectory(Path tflmDirectory) {
            this.tflmDirectory = tflmDirectory;
            return this;
        }

        /** Where finished builds are kept by cache key. Required. */
        public Builder setCacheDirectory(Path cacheDirectory) {
            this.cacheDirectory = cacheDirectory;
            return this;
        }

        /** Default: {@link BoardCatalogue#standard()}. */
        public Builder optBoards(BoardCatalogue boards) {
            this.boards = boards;
            return this;
        }

        /** Default: arm-none-eabi-gcc and its binutils from the PATH, looked up at each build. */
        public Builder optArmToolchain(Toolchain toolchain) {
            this.armToolchain = () -> toolchain;
            return this;
        }

        public DeploymentBuilder build() {
            if (cacheDirectory == null) {
                throw new IllegalArgumentException("a deployment builder needs a cache directory");
            }
            Objects.requireNonNull(boards, "boards");
            return new DeploymentBuilder(this);
        }
    }
}

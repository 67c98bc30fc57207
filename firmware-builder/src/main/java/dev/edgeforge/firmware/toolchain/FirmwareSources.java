package dev.edgeforge.firmware.toolchain;

import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.KernelVariant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The C source tree of the firmware builder ({@code src/main/c}, shipped in the jar under {@code c/}):
 * {@code include/}, {@code kernels/}, {@code boards/}, {@code tests/}, {@code dsp/}. Answers which files a build
 * compiles for a kernel variant or a board.
 */
public final class FirmwareSources {

    static final String CLASSPATH_ROOT = "c";
    private static final String MARKER = "include/ef/ef_status.h";

    private final Path root;

    private FirmwareSources(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** A tree already on disk. */
    public static FirmwareSources at(Path root) {
        if (!Files.isRegularFile(root.resolve(MARKER))) {
            throw new IllegalArgumentException(root + " is not an EdgeForge C source tree (no " + MARKER + ")");
        }
        return new FirmwareSources(root);
    }

    /**
     * Copies the tree from the classpath (a directory in development, the jar in production) into
     * {@code directory}, so that compilers can read it, and returns it.
     */
    public static FirmwareSources extractFromClasspath(Path directory) {
        URL marker = FirmwareSources.class.getClassLoader().getResource(CLASSPATH_ROOT + "/" + MARKER);
        if (marker == null) {
            throw new IllegalStateException("the C sources are not on the classpath (missing " + CLASSPATH_ROOT + "/"
                    + MARKER + "); is firmware-builder's src/main/c declared as a resource directory?");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = openJar(uri)) {
                    copyTree(jar.getPath("/" + CLASSPATH_ROOT), directory);
                }
            } else {
                Path file = Path.of(uri);
                copyTree(file.getParent().getParent().getParent(), directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract the C sources into " + directory, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unexpected classpath URL " + marker, e);
        }
        return at(directory);
    }

    private static FileSystem openJar(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            // Another caller has it open; copy through a fresh one of our own so closing it is safe.
            String spec = uri.toString();
            return FileSystems.newFileSystem(Path.of(URI.create(spec.substring(4, spec.indexOf("!/")))));
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    public Path root() {
        return root;
    }

    /** {@code include/}: the public headers ({@code ef/ef_status.h}, …). */
    public Path includeDirectory() {
        return root.resolve("include");
    }

    /** {@code kernels/}: the params headers and the internal fixed-point header. */
    public Path kernelsDirectory() {
        return root.resolve("kernels");
    }

    /** {@code boards/common/}: the board interface, start-up code, shared linker sections, line protocol. */
    public Path boardCommonDirectory() {
        return root.resolve("boards/common");
    }

    public Path boardDirectory(Board board) {
        return root.resolve(board.sourceFolder());
    }

    public Path linkerScript(Board board) {
        return boardDirectory(board).resolve("linker.ld");
    }

    /** The board's README.md with its wiring and flashing instructions. */
    public Path boardReadme(Board board) {
        return boardDirectory(board).resolve("README.md");
    }

    /** {@code boards/PROTOCOL.md}: the serial line protocol. */
    public Path protocolDocument() {
        return root.resolve("boards/PROTOCOL.md");
    }

    /**
     * The kernel sources of a variant: every file of {@code kernels/reference/}, except those the variant's folder
     * replaces with a file of the same name, plus the variant's own files; sorted by file name.
     */
    public List<Path> kernelSources(KernelVariant variant) {
        List<Path> reference = cFiles(kernelsDirectory().resolve(KernelVariant.REFERENCE.folder()));
        if (variant == KernelVariant.REFERENCE) {
            return reference;
        }
        List<Path> optimized = cFiles(kernelsDirectory().resolve(variant.folder()));
        List<String> replaced =
                optimized.stream().map(path -> path.getFileName().toString()).toList();
        List<Path> result = new ArrayList<>(optimized);
        reference.stream()
                .filter(path -> !replaced.contains(path.getFileName().toString()))
                .forEach(result::add);
        result.sort(
                (a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return result;
    }

    /**
     * {@code boards/common/*.c} and {@code boards/<id>/*.c}; both folders go on the include path
     * ({@code boards/<id>/ef_board_config.h} configures the common code).
     */
    public List<Path> boardSources(Board board) {
        List<Path> result = new ArrayList<>(cFiles(boardCommonDirectory()));
        result.addAll(cFiles(boardDirectory(board)));
        return result;
    }

    /** {@code tests/}: the kernel test harness and suites. */
    public Path testsDirectory() {
        return root.resolve("tests");
    }

    /**
     * The harness, the suites and the runner, without a platform file. The DSP twins' tests
     * ({@code tests/ef_dsp_*_test.c}) are standalone host programs with their own {@code main}, not suites.
     */
    public List<Path> kernelTestSources() {
        return cFiles(testsDirectory()).stream()
                .filter(path -> !path.getFileName().toString().startsWith("ef_dsp_"))
                .toList();
    }

    /**
     * Where test output goes: {@code tests/platform/test_platform_host.c} (stdout) or
     * {@code tests/platform/test_platform_board.c} (the board's serial port).
     */
    public Path testPlatform(boolean onBoard) {
        return testsDirectory().resolve("platform").resolve(onBoard ? "test_platform_board.c" : "test_platform_host.c");
    }

    private static List<Path> cFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("missing C source folder " + directory);
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".c"))
                    .sorted((a, b) ->
                            a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + directory, e);
        }
    }
}

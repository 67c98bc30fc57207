package dev.edgeforge.firmware.tflm;

import dev.edgeforge.firmware.codegen.ModelIdentity;
import dev.edgeforge.firmware.toolchain.CompilationFailedException;
import dev.edgeforge.firmware.toolchain.ProcessResult;
import dev.edgeforge.firmware.toolchain.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compiles TensorFlow Lite Micro for one core out of tree: the framework and the reference kernels of the operators
 * a model registers, from a read-only {@link TflmCheckout}, into {@code <cache>/objects/} (one object per source,
 * named by a hash of everything that decides it) and an archive per set of objects. The first build of a core
 * compiles about fifty files; later builds, for any model on that core, only the kernels not compiled yet, and a
 * build whose objects are all cached takes as long as {@code ar}. The flags are those the {@code tflm} bundle's
 * Makefile compiles the application with (TFLM's struct layouts depend on {@code TF_LITE_STATIC_MEMORY}), with
 * TFLM's asserts kept as in its default build.
 */
public final class TflmLibraryBuilder {

    /** Part of every object's key: raise it when the flags or the source lists change meaning. */
    static final String VERSION = "tflm library builder 1";

    private static final List<String> FLAGS = List.of(
            "-std=c++17",
            "-O2",
            "-ffunction-sections",
            "-fdata-sections",
            "-ffp-contract=off",
            "-fno-rtti",
            "-fno-exceptions",
            "-fno-threadsafe-statics",
            "-fno-use-cxa-atexit",
            "-fno-unwind-tables",
            "-DTF_LITE_STATIC_MEMORY",
            "-DTF_LITE_STRIP_ERROR_STRINGS",
            "-DTF_LITE_DISABLE_X86_NEON");

    private final TflmCheckout checkout;
    private final Path cacheDirectory;
    private final Path systemInclude;
    private final ProcessRunner runner;
    private final String cxx;
    private final String archiver;
    private final int parallelism;

    /**
     * @param cxx       the C++ compiler for the target, e.g. {@code arm-none-eabi-g++}
     * @param archiver  its {@code ar}
     */
    public TflmLibraryBuilder(
            TflmCheckout checkout,
            Path cacheDirectory,
            Path systemInclude,
            ProcessRunner runner,
            String cxx,
            String archiver) {
        this.checkout = checkout;
        this.cacheDirectory = cacheDirectory;
        this.systemInclude = systemInclude;
        this.runner = runner;
        this.cxx = cxx;
        this.archiver = archiver;
        this.parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** arm-none-eabi-g++ and -ar from the PATH, third-party headers from the checkout or {@code /usr/include}. */
    public static TflmLibraryBuilder armNoneEabi(TflmCheckout checkout, Path cacheDirectory, ProcessRunner runner) {
        return new TflmLibraryBuilder(
                checkout, cacheDirectory, Path.of("/usr/include"), runner, "arm-none-eabi-g++", "arm-none-eabi-ar");
    }

    /**
     * The archive holding the framework and the kernels behind {@code registrations}, compiled with
     * {@code cpuFlags}.
     *
     * @throws CompilationFailedException with the compiler's output when a TFLM source does not compile
     * @throws IllegalStateException      when third-party headers are missing (the message says how to install them)
     */
    public TflmLibrary build(List<String> cpuFlags, Collection<String> registrations) {
        long started = System.nanoTime();
        TflmThirdParty thirdParty = TflmThirdParty.resolve(checkout, systemInclude, cacheDirectory, runner);
        List<Path> sources = new ArrayList<>(checkout.frameworkSources());
        sources.addAll(checkout.kernelSources(registrations));
        List<String> flags = new ArrayList<>(cpuFlags);
        flags.addAll(FLAGS);
        for (Path include : thirdParty.includeDirectories()) {
            flags.add("-I" + include);
        }
        String fingerprint = fingerprint(flags, thirdParty);
        Path objects = directory(cacheDirectory.resolve("objects"));
        AtomicInteger compiled = new AtomicInteger();
        List<Path> objectFiles = new ArrayList<>();
        List<Future<?>> pending = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            for (Path source : sources) {
                String relative = checkout.root().relativize(source).toString();
                Path object = objects.resolve(
                        sha256(fingerprint + "\n" + relative + "\n" + contentHash(source))
                                        .substring(0, 40) + ".o");
                objectFiles.add(object);
                if (!Files.isRegularFile(object)) {
                    pending.add(pool.submit(() -> {
                        compile(flags, source, relative, object);
                        compiled.incrementAndGet();
                    }));
                }
            }
            for (Future<?> task : pending) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling TFLM", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("compiling TFLM failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Path archive = archive(objectFiles);
        return new TflmLibrary(
                archive, thirdParty, sources.size(), compiled.get(), Duration.ofNanos(System.nanoTime() - started));
    }

    private void compile(List<String> flags, Path source, String relative, Path object) {
        Path temporary = object.resolveSibling(object.getFileName() + "." + UUID.randomUUID() + ".tmp");
        List<String> command = new ArrayList<>();
        command.add(cxx);
        command.addAll(flags);
        command.addAll(List.of("-c", source.toString(), "-o", temporary.toString()));
        ProcessResult result = runner.run(checkout.root(), command);
        if (!result.succeeded()) {
            deleteQuietly(temporary);
            throw new CompilationFailedException("compiling TFLM's " + relative, result.exitCode(), result.output());
        }
        move(temporary, object);
    }

    private Path archive(List<Path> objectFiles) {
        StringBuilder names = new StringBuilder();
        objectFiles.forEach(object -> names.append(object.getFileName()).append('\n'));
        Path libraries = directory(cacheDirectory.resolve("lib"));
        Path archive = libraries.resolve("libtflm-" + sha256(names.toString()).substring(0, 24) + ".a");
        if (Files.isRegularFile(archive)) {
            return archive;
        }
        Path temporary = libraries.resolve("libtflm-" + UUID.randomUUID() + ".a.tmp");
        List<String> command = new ArrayList<>(List.of(archiver, "rcs", temporary.toString()));
        objectFiles.forEach(object -> command.add(object.toString()));
        ProcessResult result = runner.run(libraries, command);
        if (!result.succeeded()) {
            deleteQuietly(temporary);
            throw new CompilationFailedException("archiving TFLM", result.exitCode(), result.output());
        }
        move(temporary, archive);
        return archive;
    }

    /**
     * What decides every object besides its own source: this builder, the compiler, the flags and the headers
     * most likely to change between checkouts (the interpreter's and the schema's).
     */
    private String fingerprint(List<String> flags, TflmThirdParty thirdParty) {
        StringBuilder text = new StringBuilder(VERSION).append('\n').append(cxx).append('\n');
        flags.forEach(flag -> text.append(flag).append('\n'));
        text.append(thirdParty.description()).append('\n');
        text.append(contentHash(checkout.root().resolve("tensorflow/lite/micro/micro_interpreter.h")));
        text.append(contentHash(checkout.root().resolve("tensorflow/lite/schema/schema_generated.h")));
        return sha256(text.toString());
    }

    private static String contentHash(Path file) {
        try {
            return ModelIdentity.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String sha256(String text) {
        return ModelIdentity.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Path directory(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from + " to " + to, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stray temporary file is harmless: names are unique and the cache reads only finished objects
        }
    }
}

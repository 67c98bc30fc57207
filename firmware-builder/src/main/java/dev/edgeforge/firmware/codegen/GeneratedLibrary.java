package dev.edgeforge.firmware.codegen;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.device.NetworkCore;
import dev.edgeforge.core.memory.MemoryPlan;
import dev.edgeforge.jobs.board.KernelVariant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A model compiled to a C library in {@link #root()}: {@code include/ef/} (the API), {@code model/} (generated:
 * config, constants, network), {@code runtime/} (the API implementation), {@code kernels/} (params headers,
 * {@code reference/} and {@code cortex_m/} kernels), {@code dsp/} (the DSP twin and its generated params, with an
 * impulse), a README and a Makefile.
 *
 * @param root            the library's folder
 * @param identity        which model it was generated from
 * @param core            the int8 network it runs
 * @param plan            the arena plan (size, offsets, lower bound)
 * @param impulse         the impulse's DSP part, when one was given
 * @param labels          class labels in output order (may be empty)
 * @param generatedFiles  the files written from templates, relative to the root
 * @param dspSources      the DSP sources to compile (generated params and the twins), relative to the root
 * @param constants       the const arrays of model_data.c (weights, biases) in definition order
 */
public record GeneratedLibrary(
        Path root,
        ModelIdentity identity,
        NetworkCore core,
        MemoryPlan plan,
        Optional<ImpulseDsp> impulse,
        List<String> labels,
        List<Path> generatedFiles,
        List<Path> dspSources,
        List<ConstantArray> constants) {

    public GeneratedLibrary {
        labels = List.copyOf(labels);
        generatedFiles = List.copyOf(generatedFiles);
        dspSources = List.copyOf(dspSources);
        constants = List.copyOf(constants);
    }

    /**
     * One const array of the model's data.
     *
     * @param symbol its C name (declared in model_data.h)
     * @param bytes  its size
     */
    public record ConstantArray(String symbol, int bytes) {}

    /** Bytes of all weights and biases. */
    public long constantBytes() {
        return constants.stream().mapToLong(ConstantArray::bytes).sum();
    }

    /** Folders to pass with {@code -I}. */
    public List<Path> includeDirectories() {
        List<Path> directories = new ArrayList<>(List.of(
                root.resolve("include"), root.resolve("model"), root.resolve("runtime"), root.resolve("kernels")));
        if (impulse.isPresent()) {
            directories.add(root.resolve("dsp"));
        }
        return directories;
    }

    /** The library's own C files (model, runtime, DSP), without kernels. */
    public List<Path> applicationSources() {
        List<Path> sources = new ArrayList<>(cFiles(root.resolve("model")));
        sources.addAll(cFiles(root.resolve("runtime")));
        dspSources.forEach(source -> sources.add(root.resolve(source)));
        return sources;
    }

    /**
     * The kernels of a variant from the library's {@code kernels/} folder: every reference kernel except those the
     * variant replaces with a file of the same name, plus the variant's files.
     */
    public List<Path> kernelSources(KernelVariant variant) {
        List<Path> reference = cFiles(root.resolve("kernels").resolve(KernelVariant.REFERENCE.folder()));
        if (variant == KernelVariant.REFERENCE) {
            return reference;
        }
        List<Path> optimized = cFiles(root.resolve("kernels").resolve(variant.folder()));
        List<String> replaced =
                optimized.stream().map(path -> path.getFileName().toString()).toList();
        List<Path> result = new ArrayList<>(optimized);
        reference.stream()
                .filter(path -> !replaced.contains(path.getFileName().toString()))
                .forEach(result::add);
        return result;
    }

    /** Everything a host or firmware build compiles: the library's files and the kernels of {@code variant}. */
    public List<Path> allSources(KernelVariant variant) {
        List<Path> sources = new ArrayList<>(applicationSources());
        sources.addAll(kernelSources(variant));
        return sources;
    }

    /** Bytes of the int8 input tensor. */
    public int inputSize() {
        return core.input().byteSize();
    }

    /** Bytes of the int8 output tensor. */
    public int outputSize() {
        return core.output().byteSize();
    }

    private static List<Path> cFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".c"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + directory, e);
        }
    }
}

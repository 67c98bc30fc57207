package dev.edgeforge.firmware.tflm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A TensorFlow Lite Micro checkout (github.com/tensorflow/tflite-micro), only ever read: which of its sources a
 * model's image needs. The lists follow TFLM's own {@code tools/make/sources.inc}: the framework is every {@code .cc}
 * under {@code tensorflow/} outside {@code lite/micro} and {@code lite/experimental} (without {@code lite/array.cc},
 * which static-memory builds leave out), plus {@code lite/micro}'s own folders without tests and benchmarks, with the
 * {@code cortex_m_generic} debug log and timer in place of the portable ones; the kernels are the reference kernels
 * of the operators the model registers.
 */
public record TflmCheckout(Path root) {

    /** TFLM's kernel source(s) behind each {@code MicroMutableOpResolver} registration EdgeForge emits. */
    private static final Map<String, String> KERNEL_OF_REGISTRATION = new TreeMap<>(Map.of(
            "AddAdd", "add",
            "AddAveragePool2D", "pooling",
            "AddConv2D", "conv",
            "AddDepthwiseConv2D", "depthwise_conv",
            "AddDequantize", "dequantize",
            "AddFullyConnected", "fully_connected",
            "AddMaxPool2D", "pooling",
            "AddQuantize", "quantize",
            "AddReshape", "reshape",
            "AddSoftmax", "softmax"));

    /** Kernel helpers every kernel links against. */
    private static final List<String> KERNEL_SUPPORT = List.of("kernel_util.cc", "micro_tensor_utils.cc");

    /** The cortex_m_generic target's replacements for portable framework files (TFLM's specialize_files.py). */
    private static final List<String> TARGET_SPECIFIC = List.of("debug_log.cc", "micro_time.cc");

    public TflmCheckout {
        root = root.toAbsolutePath().normalize();
    }

    /**
     * The checkout at {@code root}.
     *
     * @throws IllegalArgumentException naming what is missing when {@code root} is not a tflite-micro checkout
     */
    public static TflmCheckout open(Path root) {
        Path interpreter = root.resolve("tensorflow/lite/micro/micro_interpreter.h");
        if (!Files.isRegularFile(interpreter)) {
            throw new IllegalArgumentException("EDGEFORGE_TFLM_DIR (" + root + ") is not a tflite-micro checkout: "
                    + "it has no tensorflow/lite/micro/micro_interpreter.h");
        }
        return new TflmCheckout(root);
    }

    /** TFLM's folder of third-party downloads (flatbuffers, gemmlowp, ruy, CMSIS-NN, ...), which may be missing. */
    public Path downloads() {
        return root.resolve("tensorflow/lite/micro/tools/make/downloads");
    }

    /** The flatbuffers schema TFLM's {@code schema_generated.h} was generated from. */
    public Path schema() {
        return root.resolve("tensorflow/compiler/mlir/lite/schema/schema.fbs");
    }

    /** The registrations TFLM kernels are known for; anything else cannot be built here. */
    public static Set<String> knownRegistrations() {
        return KERNEL_OF_REGISTRATION.keySet();
    }

    /** The framework's sources, sorted. */
    public List<Path> frameworkSources() {
        List<Path> sources = new ArrayList<>();
        Path tensorflow = root.resolve("tensorflow");
        Path micro = root.resolve("tensorflow/lite/micro");
        Path experimental = root.resolve("tensorflow/lite/experimental");
        try (Stream<Path> all = Files.walk(tensorflow)) {
            all.filter(path -> !path.startsWith(micro) && !path.startsWith(experimental))
                    .filter(path ->
                            path.toString().endsWith(".cc") || path.toString().endsWith(".c"))
                    .filter(path -> !path.equals(root.resolve("tensorflow/lite/array.cc")))
                    .forEach(sources::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the TFLM checkout's sources under " + tensorflow, e);
        }
        for (String folder : List.of("", "arena_allocator", "memory_planner", "tflite_bridge")) {
            Path directory = folder.isEmpty() ? micro : micro.resolve(folder);
            try (Stream<Path> files = Files.list(directory)) {
                files.filter(path -> path.getFileName().toString().endsWith(".cc"))
                        .filter(path -> !path.getFileName().toString().endsWith("_test.cc"))
                        .filter(path -> !path.getFileName().toString().endsWith("benchmark.cc"))
                        .filter(path ->
                                !TARGET_SPECIFIC.contains(path.getFileName().toString()) || !folder.isEmpty())
                        .forEach(sources::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + directory, e);
            }
        }
        for (String file : TARGET_SPECIFIC) {
            sources.add(micro.resolve("cortex_m_generic").resolve(file));
        }
        sources.sort(null);
        return sources;
    }

    /**
     * The reference kernels behind {@code registrations} and their helpers, sorted.
     *
     * @throws IllegalArgumentException naming a registration no kernel is known for
     */
    public List<Path> kernelSources(Collection<String> registrations) {
        Path kernels = root.resolve("tensorflow/lite/micro/kernels");
        Set<String> files = new LinkedHashSet<>(KERNEL_SUPPORT);
        for (String registration : registrations) {
            String kernel = KERNEL_OF_REGISTRATION.get(registration);
            if (kernel == null) {
                throw new IllegalArgumentException("no TFLM kernel is known for " + registration + "; known: "
                        + String.join(", ", KERNEL_OF_REGISTRATION.keySet()));
            }
            files.add(kernel + ".cc");
            if (Files.isRegularFile(kernels.resolve(kernel + "_common.cc"))) {
                files.add(kernel + "_common.cc");
            }
        }
        List<Path> sources = new ArrayList<>();
        for (String file : files) {
            Path source = kernels.resolve(file);
            if (!Files.isRegularFile(source)) {
                throw new IllegalArgumentException(
                        "the TFLM checkout at " + root + " has no " + root.relativize(source));
            }
            sources.add(source);
        }
        sources.sort(null);
        return sources;
    }
}

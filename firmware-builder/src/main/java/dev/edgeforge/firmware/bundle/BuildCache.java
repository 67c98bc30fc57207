package dev.edgeforge.firmware.bundle;

import dev.edgeforge.core.impulse.ImpulseJson;
import dev.edgeforge.core.tflite.TfliteWriter;
import dev.edgeforge.firmware.codegen.ModelIdentity;
import dev.edgeforge.firmware.codegen.TestWindow;
import dev.edgeforge.jobs.deploy.DeploymentFormat;
import dev.edgeforge.jobs.deploy.MemoryReport;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finished builds by cache key: {@code <cache>/<key>/} holds the bundle ZIP, the linked {@code firmware.elf}
 * when there is one, and {@code result.json}. A build is stored by writing a temporary folder and renaming it into
 * place, so readers never see half a result and two identical builds racing each other keep one.
 */
final class BuildCache {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path directory;

    BuildCache(Path directory) {
        this.directory = directory;
    }

    /** What result.json holds. */
    record Entry(
            String bundleFileName,
            String bundleSha256,
            DeploymentFormat format,
            String boardId,
            boolean hasElf,
            MemoryReport memoryReport,
            String compilerOutput) {}

    /**
     * SHA-256 over everything that decides a build's output: the builder's version, the C sources it compiles, the
     * format and board, the model (its TFLite bytes), name, labels, impulse and test windows.
     */
    static String key(BuildRequest request, String builderVersion, String cSourcesDigest) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(builderVersion);
            out.writeUTF(cSourcesDigest);
            out.writeUTF(request.format().id());
            out.writeUTF(request.boardId());
            out.writeUTF(request.modelName());
            byte[] model = new TfliteWriter().write(request.model());
            out.writeInt(model.length);
            out.write(model);
            out.writeInt(request.labels().size());
            for (String label : request.labels()) {
                out.writeUTF(label);
            }
            byte[] impulse =
                    request.impulse().map(ImpulseJson::write).orElse("").getBytes(StandardCharsets.UTF_8);
            out.writeInt(impulse.length);
            out.write(impulse);
            out.writeInt(request.testWindows().size());
            for (TestWindow window : request.testWindows()) {
                out.writeUTF(window.kind().name());
                out.writeUTF(window.label().orElse("\u0000"));
                float[] values = window.values();
                out.writeInt(values.length);
                for (float value : values) {
                    out.writeInt(Float.floatToIntBits(value));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ModelIdentity.sha256(bytes.toByteArray());
    }

    /** The cached result for {@code key}, if an identical build finished before. */
    Optional<BuildResult> load(String key, Duration elapsed) {
        Path folder = directory.resolve(key);
        Path json = folder.resolve("result.json");
        if (!Files.isRegularFile(json)) {
            return Optional.empty();
        }
        try {
            Entry entry = JSON.readValue(Files.readString(json), Entry.class);
            if (!entry.bundleFileName().matches("[A-Za-z0-9._-]+\\.zip")) {
                return Optional.empty();
            }
            Path bundle = folder.resolve(entry.bundleFileName());
            if (!Files.isRegularFile(bundle)
                    || !ModelIdentity.sha256(Files.readAllBytes(bundle)).equals(entry.bundleSha256())) {
                return Optional.empty(); // damaged entry: build again, store() replaces it
            }
            return Optional.of(new BuildResult(
                    bundle,
                    entry.bundleSha256(),
                    entry.format(),
                    entry.boardId(),
                    entry.hasElf() ? Optional.of(folder.resolve("firmware.elf")) : Optional.empty(),
                    entry.memoryReport(),
                    entry.compilerOutput(),
                    key,
                    true,
                    elapsed));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Moves a finished build into the cache and returns the result pointing into it. */
    BuildResult store(String key, Path bundle, Optional<Path> elf, Entry entry, Duration elapsed) {
        try {
            Files.createDirectories(directory);
            Path temporary = directory.resolve(".tmp-" + UUID.randomUUID());
            Files.createDirectories(temporary);
            Files.copy(bundle, temporary.resolve(entry.bundleFileName()));
            if (elf.isPresent()) {
                Files.copy(elf.get(), temporary.resolve("firmware.elf"));
            }
            Files.writeString(temporary.resolve("result.json"), JSON.writeValueAsString(entry));
            Path target = directory.resolve(key);
            if (Files.exists(target) && load(key, elapsed).isEmpty()) {
                deleteTree(target); // a damaged entry
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                deleteTree(temporary); // an identical build got there first; keep its result
            }
            return load(key, elapsed)
                    .map(result -> new BuildResult(
                            result.bundle(),
                            result.bundleSha256(),
                            result.format(),
                            result.boardId(),
                            result.firmwareElf(),
                            result.memoryReport(),
                            result.compilerOutput(),
                            key,
                            false,
                            elapsed))
                    .orElseThrow(() ->
                            new IllegalStateException("the build cache entry " + target + " cannot be read back"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the build in the cache " + directory, e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}

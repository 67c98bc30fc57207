package dev.edgeforge.firmware.bundle;

import dev.edgeforge.firmware.codegen.ModelIdentity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The SHA-256 of a source tree (every file's relative path and contents, in path order): part of the cache key. */
final class SourceDigest {

    private SourceDigest() {}

    static String of(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> files = paths.filter(Files::isRegularFile)
                    .sorted((a, b) -> BundleWriter.slashes(root.relativize(a))
                            .compareTo(BundleWriter.slashes(root.relativize(b))))
                    .toList();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (Path file : files) {
                all.writeBytes(BundleWriter.slashes(root.relativize(file)).getBytes(StandardCharsets.UTF_8));
                all.write(0);
                all.writeBytes(ModelIdentity.sha256(Files.readAllBytes(file)).getBytes(StandardCharsets.US_ASCII));
            }
            return ModelIdentity.sha256(all.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the C sources in " + root, e);
        }
    }
}

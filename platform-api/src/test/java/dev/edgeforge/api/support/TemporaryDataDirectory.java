package dev.edgeforge.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points {@code edgeforge.data-dir} of a test context at a new temporary directory and deletes it when the context
 * closes. The deleter is registered before any bean exists, so it is destroyed last, after the embedded PostgreSQL
 * has stopped.
 */
public final class TemporaryDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Path directory;
        try {
            directory = Files.createTempDirectory("edgeforge-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "edgeforge-test-data-dir", Map.of("edgeforge.data-dir", directory.toString())));
        ((DefaultSingletonBeanRegistry) context.getBeanFactory())
                .registerDisposableBean("edgeforgeTestDataDirectory", () -> deleteRecursively(directory));
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

package dev.edgeforge.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StalePostmasterCleanerTest {

    @TempDir
    Path dataDirectory;

    private final StalePostmasterCleaner cleaner = new StalePostmasterCleaner(Duration.ofSeconds(5));

    private Path pidFile(String content) throws Exception {
        return Files.writeString(dataDirectory.resolve(StalePostmasterCleaner.PID_FILE), content);
    }

    @Test
    void leavesADirectoryWithoutPidFileAlone() throws Exception {
        Path marker = Files.writeString(dataDirectory.resolve("PG_VERSION"), "17\n");
        cleaner.prepare(dataDirectory);
        assertThat(marker).exists();
        assertThat(dataDirectory.resolve(StalePostmasterCleaner.PID_FILE)).doesNotExist();
    }

    @Test
    void deletesAPidFileWhoseProcessIsGone() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        Path pidFile = pidFile(process.pid() + "\n" + dataDirectory + "\n");

        cleaner.prepare(dataDirectory);

        assertThat(pidFile).doesNotExist();
    }

    @Test
    void deletesAPidFileWhosePidNowBelongsToAnotherProgram() throws Exception {
        // this JVM is alive but is not a postgres serving the directory: the pid was recycled
        Path pidFile = pidFile(ProcessHandle.current().pid() + "\n" + dataDirectory + "\n");

        cleaner.prepare(dataDirectory);

        assertThat(pidFile).doesNotExist();
    }

    @Test
    void deletesAnUnreadablePidFile() throws Exception {
        Path pidFile = pidFile("not a pid\n");

        cleaner.prepare(dataDirectory);

        assertThat(pidFile).doesNotExist();
    }
}

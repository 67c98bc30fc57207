package dev.edgeforge.api.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a PostgreSQL data directory startable again after the previous owner died hard (kill -9, power loss).
 *
 * <p>PostgreSQL refuses to start while {@code postmaster.pid} names a live process. Two leftovers are possible:
 * <ul>
 *   <li>the pid file names a process that is gone (or a recycled pid that is not our postgres): the file is
 *       stale and is deleted;</li>
 *   <li>the postmaster itself survived: zonky starts it through {@code pg_ctl}, which detaches it from the JVM,
 *       so killing the JVM leaves an orphan that still holds the port. It is ours if it serves this data
 *       directory and no live process holds zonky's {@code epg-lock}; then it is asked to shut down.</li>
 * </ul>
 * If another live process owns the directory, starting is refused with a message saying so.
 */
final class StalePostmasterCleaner {

    private static final Logger log = LoggerFactory.getLogger(StalePostmasterCleaner.class);
    /** zonky's lock file inside the data directory, held by the JVM that runs the postmaster. */
    static final String ZONKY_LOCK_FILE = "epg-lock";
    static final String PID_FILE = "postmaster.pid";

    private final Duration shutdownWait;

    StalePostmasterCleaner(Duration shutdownWait) {
        this.shutdownWait = shutdownWait;
    }

    /** Prepares {@code dataDirectory} for a fresh start; does nothing when no pid file exists. */
    void prepare(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || !isPostmasterOf(process.get(), dataDirectory)) {
            log.info("Removing stale {} (process {} is not running PostgreSQL on {})", pidFile, pid.get(),
                    dataDirectory);
            deleteQuietly(pidFile);
            return;
        }
        if (!lockIsFree(dataDirectory.resolve(ZONKY_LOCK_FILE))) {
            throw new IllegalStateException("The PostgreSQL data directory " + dataDirectory
                    + " is in use by another running EdgeForge process; stop it or set edgeforge.data-dir to "
                    + "another directory.");
        }
        log.warn("PostgreSQL (pid {}) is still running on {} after its previous owner died; shutting it down",
                pid.get(), dataDirectory);
        stop(process.get());
        // a postmaster that shut down cleanly removes its pid file itself; one we had to kill does not
        deleteQuietly(pidFile);
    }

    private static Optional<Long> readPid(Path pidFile) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | RuntimeException unreadable) {
            // an empty or garbled pid file cannot protect anything: PostgreSQL writes it whole at start
            log.info("Removing unreadable {}", pidFile);
            deleteQuietly(pidFile);
            return Optional.empty();
        }
    }

    private static boolean isPostmasterOf(ProcessHandle process, Path dataDirectory) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(c -> c.endsWith("/postgres") || c.equals("postgres")).orElse(false);
        String[] arguments = info.arguments().orElse(new String[0]);
        String dir = dataDirectory.toString();
        for (String argument : arguments) {
            if (postgres && (argument.equals(dir) || argument.equals(dir + "/"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean lockIsFree(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException heldByThisJvm) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check the lock " + lockFile, e);
        }
    }

    private void stop(ProcessHandle postmaster) {
        // SIGTERM is PostgreSQL's "smart" shutdown: the dead JVM's connections are already closed
        postmaster.destroy();
        try {
            postmaster.onExit().get(shutdownWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            log.warn("PostgreSQL (pid {}) did not stop within {}; killing it", postmaster.pid(), shutdownWait);
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the orphaned PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not stop the orphaned PostgreSQL", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file + "; remove it by hand and start again", e);
        }
    }
}

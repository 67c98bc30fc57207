package dev.edgeforge.infra.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a persistent data directory startable after the previous owner died without shutting PostgreSQL down
 * (kill -9, power loss), and refuses clearly when another live process still uses it.
 *
 * <p>Two facts decide: {@code postmaster.pid} (written by PostgreSQL: line 1 the postmaster's PID, line 2 its
 * data directory) and {@code epg-lock} (a file lock the embedding JVM holds while it runs; the OS drops it when
 * that JVM dies, however it dies).
 * <ul>
 *   <li>PID not running, or running but not a PostgreSQL postmaster (PID reused): the file is stale; delete it.</li>
 *   <li>A postmaster for this directory runs and a live process holds the lock: in use; fail with the PID.</li>
 *   <li>A postmaster for this directory runs but nobody holds the lock: an orphan of a JVM killed with -9
 *       (pg_ctl daemonizes the server, so it outlives its parent); stop it ({@code pg_ctl stop -m fast}) and go
 *       on. Nothing is lost: its clients died with that JVM.</li>
 * </ul>
 */
final class StalePostmasterCheck {
    static final String PID_FILE = "postmaster.pid";
    /** The lock file zonky's EmbeddedPostgres holds while it runs a data directory. */
    static final String LOCK_FILE = "epg-lock";

    private static final Logger LOG = LoggerFactory.getLogger(StalePostmasterCheck.class);
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDirectory;

    StalePostmasterCheck(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    void run() {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            requireLockFree(-1);
            return;
        }
        long pid = readPid(pidFile);
        Optional<ProcessHandle> process = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        if (process.isEmpty() || !isRunning(process.get())) {
            LOG.info("Removing stale {} in {} (PID {} is not running)", PID_FILE, dataDirectory, pid);
            delete(pidFile);
            requireLockFree(-1);
            return;
        }
        if (!isPostmaster(process.get())) {
            LOG.info("Removing stale {} in {} (PID {} is now another program)", PID_FILE, dataDirectory, pid);
            delete(pidFile);
            requireLockFree(-1);
            return;
        }
        requireLockFree(pid);
        if (!Files.exists(dataDirectory.resolve(LOCK_FILE))) {
            throw new EmbeddedDatabaseException("A PostgreSQL server that EdgeForge did not start (PID " + pid
                    + ") runs on " + dataDirectory + ". Stop it (pg_ctl -D " + dataDirectory
                    + " stop) or use another data directory.");
        }
        LOG.warn(
                "PostgreSQL (PID {}) still runs on {} although the process that started it is gone; stopping it",
                pid,
                dataDirectory);
        stopOrphan(process.get());
        if (Files.exists(pidFile)) {
            delete(pidFile);
        }
    }

    private void requireLockFree(long postmasterPid) {
        Path lockFile = dataDirectory.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        String runningPostgres = postmasterPid > 0 ? " (PostgreSQL PID " + postmasterPid + ")" : "";
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new EmbeddedDatabaseException("The database directory " + dataDirectory
                        + " is in use by another running process" + runningPostgres
                        + ". Stop the other EdgeForge instance, or give this one a different data directory.");
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw new EmbeddedDatabaseException(
                    "The database directory " + dataDirectory + " is already open in this JVM" + runningPostgres
                            + "; close that EmbeddedDatabase first.",
                    e);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Cannot check the lock file " + lockFile + ": " + e, e);
        }
    }

    private boolean isPostmaster(ProcessHandle process) {
        Optional<String> command = process.info().command();
        if (command.isEmpty()
                || !Path.of(command.get()).getFileName().toString().equals("postgres")) {
            return false;
        }
        // a postmaster for another data directory must not be touched; postmaster.pid line 2 names ours
        List<String> lines = readLines(dataDirectory.resolve(PID_FILE));
        if (lines.size() < 2) {
            return true;
        }
        try {
            return Files.isSameFile(Path.of(lines.get(1).trim()), dataDirectory);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Stops the orphan by signal rather than with pg_ctl: pg_ctl refuses to run as root (zonky then wraps it in
     * {@code unshare -U}), while a signal from the same user always works. SIGTERM is PostgreSQL's smart
     * shutdown (enough: the orphan's clients died with their JVM); SIGINT, its fast shutdown, follows if needed.
     */
    private void stopOrphan(ProcessHandle postmaster) {
        long pid = postmaster.pid();
        try {
            postmaster.destroy();
            if (!awaitExit(postmaster, ORPHAN_STOP_TIMEOUT.dividedBy(2))) {
                new ProcessBuilder("kill", "-INT", Long.toString(pid))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start()
                        .waitFor(10, TimeUnit.SECONDS);
                if (!awaitExit(postmaster, ORPHAN_STOP_TIMEOUT.dividedBy(2))) {
                    throw new EmbeddedDatabaseException("The orphaned PostgreSQL (PID " + pid + ") on "
                            + dataDirectory + " did not stop within " + ORPHAN_STOP_TIMEOUT
                            + "; stop it by hand (kill " + pid + ") and start again.");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedDatabaseException("Interrupted while stopping the orphaned PostgreSQL", e);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException(
                    "Could not stop the orphaned PostgreSQL (PID " + pid
                            + ") that still runs on " + dataDirectory + "; stop it by hand (kill " + pid
                            + ") and start again.",
                    e);
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(process)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /**
     * Alive and not a zombie. An orphan's new parent may never reap it (PID 1 in some containers), and
     * {@link ProcessHandle#isAlive()} still reports such an exited process as alive.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        if (!Files.exists(stat)) {
            return true; // not Linux: trust isAlive
        }
        try {
            String content = Files.readString(stat, StandardCharsets.US_ASCII);
            // "pid (comm) S ...": the state follows the last ')' (comm may itself contain parentheses)
            int close = content.lastIndexOf(')');
            char state = close >= 0 && close + 2 < content.length() ? content.charAt(close + 2) : 'R';
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false; // vanished while reading
        }
    }

    private static long readPid(Path pidFile) {
        List<String> lines = readLines(pidFile);
        if (lines.isEmpty()) {
            return -1;
        }
        try {
            return Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Cannot delete the stale " + file + ": " + e, e);
        }
    }
}

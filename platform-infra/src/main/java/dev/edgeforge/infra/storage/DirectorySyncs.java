package dev.edgeforge.infra.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group fsync of directories: many puts renaming into one directory at once (devices uploading samples to one
 * project) share a directory sync instead of paying one each.
 *
 * <p>A put takes a ticket after its rename, then waits for a sync that started after its ticket was taken: it either
 * finds one already done (its rename was on disk before that sync began, so the sync covered it) or runs one itself
 * for every ticket taken so far. No rename is acknowledged before a sync that began after it completes.
 */
final class DirectorySyncs {

    /** Directories whose tickets are kept; a directory evicted while in use merely syncs once more. */
    private static final int REMEMBERED = 1024;

    private static final class Directory {
        private final ReentrantLock syncing = new ReentrantLock();
        private long issued;
        private long synced;
    }

    private final Map<Path, Directory> directories = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Directory> eldest) {
            return size() > REMEMBERED;
        }
    });

    /** Returns once a sync of {@code dir} that began after this call has completed. */
    void sync(Path dir) {
        Directory directory = directories.computeIfAbsent(dir, d -> new Directory());
        long ticket;
        synchronized (directory) {
            ticket = ++directory.issued;
        }
        directory.syncing.lock();
        try {
            long covered;
            synchronized (directory) {
                if (directory.synced >= ticket) {
                    return; // a sync that began after this ticket was taken has completed
                }
                covered = directory.issued;
            }
            force(dir);
            synchronized (directory) {
                directory.synced = Math.max(directory.synced, covered);
            }
        } finally {
            directory.syncing.unlock();
        }
    }

    /** Makes the renames in a directory durable: without this a crash may forget them although put returned. */
    private static void force(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open or sync a directory; the data itself is already forced.
        }
    }
}

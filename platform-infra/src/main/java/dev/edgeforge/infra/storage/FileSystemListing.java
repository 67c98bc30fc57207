package dev.edgeforge.infra.storage;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Walks the store's directory tree lazily, depth first, holding one open directory stream per level, so listing
 * a directory with 100k files costs no more memory than listing ten. Files and directories that vanish while the
 * walk runs (concurrent deletes) are skipped, not errors. Hidden entries (in-progress writes) are skipped.
 */
final class FileSystemListing extends LookaheadIterator<ObjectInfo> implements AutoCloseable {

    private record Level(DirectoryStream<Path> stream, Iterator<Path> entries) {}

    private final Path root;
    private final String prefix;
    private final Deque<Level> stack = new ArrayDeque<>();
    private boolean closed;

    FileSystemListing(Path root, String startDirectory, String prefix) {
        this.root = root;
        this.prefix = prefix;
        open(startDirectory.isEmpty() ? root : root.resolve(startDirectory));
    }

    @Override
    protected ObjectInfo advance() {
        while (!closed && !stack.isEmpty()) {
            Level level = stack.peek();
            if (!level.entries().hasNext()) {
                closeQuietly(stack.pop().stream());
                continue;
            }
            Path entry = level.entries().next();
            if (entry.getFileName().toString().startsWith(".")) {
                continue;
            }
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                continue;
            } catch (IOException e) {
                throw new ObjectStoreException("listing '" + prefix + "' failed at " + entry + ": " + e, e);
            }
            String key = keyOf(entry);
            if (attributes.isDirectory()) {
                String asPrefix = key + "/";
                if (asPrefix.startsWith(prefix) || prefix.startsWith(asPrefix)) {
                    open(entry);
                }
            } else if (attributes.isRegularFile() && key.startsWith(prefix)) {
                return new ObjectInfo(
                        key, attributes.size(), attributes.lastModifiedTime().toInstant());
            }
        }
        return null;
    }

    private void open(Path directory) {
        try {
            DirectoryStream<Path> stream = Files.newDirectoryStream(directory);
            stack.push(new Level(stream, stream.iterator()));
        } catch (NoSuchFileException | NotDirectoryException e) {
            // nothing under this prefix
        } catch (IOException e) {
            throw new ObjectStoreException("listing '" + prefix + "' failed at " + directory + ": " + e, e);
        }
    }

    private String keyOf(Path entry) {
        // keys use '/', whatever the platform's separator
        return root.relativize(entry).toString().replace(entry.getFileSystem().getSeparator(), "/");
    }

    @Override
    public void close() {
        closed = true;
        drop();
        while (!stack.isEmpty()) {
            closeQuietly(stack.pop().stream());
        }
    }

    private static void closeQuietly(DirectoryStream<Path> stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // closing a directory handle cannot lose data
        }
    }
}

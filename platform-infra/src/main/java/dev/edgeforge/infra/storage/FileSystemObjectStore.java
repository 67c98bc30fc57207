package dev.edgeforge.infra.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ObjectStore} in a local directory: the key {@code a/b/c} is the file {@code <root>/a/b/c}.
 *
 * <p>A put streams into a hidden temporary file ({@code .c.<random>.part}) in the target's directory, forces it
 * to disk and renames it over the target in one atomic step, so readers never see partial content; the rename is
 * made durable by a sync of the directory, shared by puts into one directory at the same time ({@link
 * DirectorySyncs}). Temporary
 * files left by a crash are never listed; dot-prefixed names cannot be keys.
 *
 * <p>Because keys are paths, one key cannot also be the directory of another ({@code a/b} and {@code a/b/c} cannot
 * both exist); such a put fails with an {@link ObjectStoreException}. Delete removes directories left empty.
 */
public final class FileSystemObjectStore implements ObjectStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileSystemObjectStore.class);
    private static final int BUFFER_SIZE = 64 * 1024;
    // A put may race a delete that prunes the directory it is about to write into; it then recreates it.
    private static final int DIRECTORY_RACE_RETRIES = 5;

    private final Path root;
    private final DirectorySyncs directorySyncs = new DirectorySyncs();

    /** Uses (and creates when missing) {@code root} as the store's directory. */
    public FileSystemObjectStore(Path root) {
        Objects.requireNonNull(root, "root");
        try {
            Files.createDirectories(root);
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new ObjectStoreException("cannot use '" + root + "' as object store directory: " + e, e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public long put(String key, InputStream content, long length) {
        Path target = pathOf(key);
        Objects.requireNonNull(content, "content");
        if (length < UNKNOWN_LENGTH) {
            throw new IllegalArgumentException("length must be >= 0 or UNKNOWN_LENGTH, was " + length);
        }
        Path dir = target.getParent();
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        MeasuredInputStream measured = new MeasuredInputStream(content, length);
        try {
            writeTempFile(key, dir, temp, measured);
            moveIntoPlace(key, temp, target);
            directorySyncs.sync(dir);
            return measured.count();
        } catch (MeasuredInputStream.LengthMismatch e) {
            throw new ObjectLengthViolation(key, e.getMessage());
        } catch (IOException e) {
            throw new ObjectStoreException("writing object '" + key + "' failed: " + e, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private void writeTempFile(String key, Path dir, Path temp, InputStream in) throws IOException {
        for (int attempt = 1; ; attempt++) {
            createDirectories(key, dir);
            try (FileChannel channel =
                    FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                byte[] buffer = new byte[BUFFER_SIZE];
                int n;
                while ((n = in.read(buffer)) != -1) {
                    out.write(buffer, 0, n);
                }
                channel.force(true);
                return;
            } catch (NoSuchFileException e) {
                // a concurrent delete pruned the empty directory between createDirectories and open
                if (attempt >= DIRECTORY_RACE_RETRIES) {
                    throw e;
                }
            }
        }
    }

    private void createDirectories(String key, Path dir) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException | NotDirectoryException e) {
            throw new ObjectStoreException(
                    "cannot store '" + key + "': a part of its path is already an object (" + root.relativize(dir)
                            + " or above)",
                    e);
        } catch (FileSystemException e) {
            if (isNotADirectory(e)) {
                throw new ObjectStoreException(
                        "cannot store '" + key + "': a part of its path is already an object", e);
            }
            throw e;
        }
    }

    private void moveIntoPlace(String key, Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new ObjectStoreException("the filesystem under '" + root + "' cannot rename atomically", e);
        } catch (DirectoryNotEmptyException e) {
            throw new ObjectStoreException(
                    "cannot store '" + key + "': other objects have keys starting with '" + key + "/'", e);
        } catch (FileSystemException e) {
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new ObjectStoreException(
                        "cannot store '" + key + "': other objects have keys starting with '" + key + "/'", e);
            }
            throw e;
        }
    }

    @Override
    public InputStream get(String key) {
        Path path = pathOf(key);
        try {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new ObjectNotFoundException(key);
            }
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw readFailure(key, e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(pathOf(key), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public ObjectInfo stat(String key) {
        Path path = pathOf(key);
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                throw new ObjectNotFoundException(key);
            }
            return new ObjectInfo(
                    key, attributes.size(), attributes.lastModifiedTime().toInstant());
        } catch (IOException e) {
            throw readFailure(key, e);
        }
    }

    @Override
    public void delete(String key) {
        Path path = pathOf(key);
        try {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                return; // a directory is not an object; nothing with this key exists
            }
            Files.deleteIfExists(path);
        } catch (FileSystemException e) {
            if (isNotADirectory(e)) {
                return;
            }
            throw new ObjectStoreException("deleting object '" + key + "' failed: " + e, e);
        } catch (IOException e) {
            throw new ObjectStoreException("deleting object '" + key + "' failed: " + e, e);
        }
        pruneEmptyDirectories(path.getParent());
    }

    private void pruneEmptyDirectories(Path dir) {
        for (Path d = dir; d != null && !d.equals(root) && d.startsWith(root); d = d.getParent()) {
            try {
                Files.delete(d);
            } catch (IOException e) {
                return; // not empty (or already gone): directories above are not empty either
            }
        }
    }

    @Override
    public Stream<ObjectInfo> list(String prefix) {
        ObjectKeys.requireValidPrefix(prefix);
        int slash = prefix.lastIndexOf('/');
        String startDir = slash < 0 ? "" : prefix.substring(0, slash);
        FileSystemListing listing = new FileSystemListing(root, startDir, prefix);
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(listing, Spliterator.NONNULL | Spliterator.DISTINCT), false)
                .onClose(listing::close);
    }

    private Path pathOf(String key) {
        ObjectKeys.requireValidKey(key);
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            // unreachable with valid keys; a second line of defence against escaping the root
            throw new ObjectKeyViolation(key, "resolves outside the store's directory");
        }
        return path;
    }

    /** A missing file, or a path through a file, is a missing object; anything else is a failure. */
    private static ObjectStoreException readFailure(String key, IOException e) {
        if (e instanceof NoSuchFileException || (e instanceof FileSystemException fs && isNotADirectory(fs))) {
            return new ObjectNotFoundException(key, e);
        }
        return new ObjectStoreException("reading object '" + key + "' failed: " + e, e);
    }

    private static boolean isNotADirectory(FileSystemException e) {
        String reason = e.getReason();
        return reason != null && reason.contains("Not a directory");
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // never hide the put's own outcome; a leftover temporary file is invisible and only costs space
            LOG.warn("could not remove temporary file {}: {}", temp, e.toString());
        }
    }
}

package dev.edgeforge.core.format;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * The bytes of one file to parse, held in memory or in a file, which a reader may open more than once. Readers that
 * stream (CSV, WAV) read a file in passes and never hold its bytes whole; the others read it whole with
 * {@link #readAll(long)}, which returns bytes already in memory without copying them.
 */
public final class SampleInput {

    private final byte[] bytes;
    private final Path file;
    private final long size;

    private SampleInput(byte[] bytes, Path file, long size) {
        this.bytes = bytes;
        this.file = file;
        this.size = size;
    }

    /** Bytes already in memory (not copied: the caller must not change them while they are read). */
    public static SampleInput of(byte[] bytes) {
        return new SampleInput(Objects.requireNonNull(bytes, "bytes"), null, bytes.length);
    }

    /** A file of known size that stays unchanged while it is read. */
    public static SampleInput of(Path file, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size " + size + " is negative");
        }
        return new SampleInput(null, Objects.requireNonNull(file, "file"), size);
    }

    public long size() {
        return size;
    }

    /**
     * Opens the bytes from the start; the caller closes the stream.
     *
     * @throws UncheckedIOException when the file cannot be opened (not the content's fault)
     */
    public InputStream open() {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("opening " + file, e);
        }
    }

    /** The first {@code n} bytes, fewer for a shorter file. */
    public byte[] head(int n) {
        if (bytes != null) {
            return Arrays.copyOf(bytes, (int) Math.min(n, bytes.length));
        }
        try (InputStream in = open()) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /**
     * All bytes, for readers that need them whole.
     *
     * @throws SampleFormatException {@code TOO_LARGE} when there are more than {@code maxBytes}
     */
    public byte[] readAll(long maxBytes) {
        if (size > maxBytes) {
            throw new SampleFormatException(
                    SampleFormatException.Reason.TOO_LARGE, "larger than the limit of " + maxBytes + " bytes");
        }
        if (bytes != null) {
            return bytes;
        }
        try (InputStream in = open()) {
            return BoundedBytes.readAll(in, maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }
}

package dev.edgeforge.api.sample;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a spooled ZIP archive into spooled files, one at a time and straight to disk, within the request's
 * {@link UploadAllowance}. Every entry's bytes pass through the allowance, including those of skipped entries
 * (folders, {@code __MACOSX/}, dot files) and of entries refused as too large, which are read to their end rather
 * than left to {@link ZipInputStream} to inflate unseen. A ZIP inside the archive is not unpacked: it fails as
 * unsupported (unpacking archives within archives multiplies what a small upload can expand to).
 */
final class ZipUnpacker {

    private static final int BUFFER = 64 * 1024;

    private final UploadSpooler spooler;

    ZipUnpacker(UploadSpooler spooler) {
        this.spooler = spooler;
    }

    static boolean isZip(UploadSpool spool) {
        byte[] head = spool.head(4);
        return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /**
     * Adds a slot per entry to {@code slots}; an archive that cannot be read adds a failed slot for itself.
     *
     * @throws RequestTooLargeViolation  past the request's expanded bytes or entry counts
     * @throws CompressionBombViolation  when the archive or an entry expands too much
     */
    void unpack(String zipName, UploadSpool zipSpool, UploadAllowance allowance, List<UploadSlot> slots) {
        UploadAllowance.CountingInputStream compressed =
                new UploadAllowance.CountingInputStream(new BufferedInputStream(zipSpool.open(), BUFFER));
        UploadAllowance.Archive archive = allowance.archive(zipName, compressed);
        try (ZipInputStream zip = new ZipInputStream(compressed)) {
            ZipEntry entry;
            while ((entry = nextEntry(zip)) != null) {
                String name = entry.getName();
                boolean skipped = entry.isDirectory()
                        || name.startsWith("__MACOSX/")
                        || FileNames.baseName(name).startsWith(".");
                archive.countEntry(skipped, name);
                InputStream content = archive.open(zip, name);
                if (skipped) {
                    drain(content);
                } else {
                    slots.add(spoolEntry(name, content));
                }
            }
        } catch (IOException e) {
            slots.add(unreadable(zipName, e));
        } catch (UncheckedIOException e) {
            // the spooler wraps what fails while it reads an entry: damaged compressed data is the archive's fault
            if (!(e.getCause() instanceof ZipException) && !(e.getCause() instanceof EOFException)) {
                throw e;
            }
            slots.add(unreadable(zipName, e.getCause()));
        }
    }

    /**
     * The next entry. ZipInputStream throws IllegalArgumentException, not an IOException, for an entry name that
     * is not valid UTF-8: that is the archive's fault, answered like any other damage rather than as a 500.
     */
    private static ZipEntry nextEntry(ZipInputStream zip) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (IllegalArgumentException e) {
            throw new ZipException("an entry's name is not valid UTF-8");
        }
    }

    private static UploadSlot unreadable(String zipName, IOException e) {
        return UploadSlot.failed(FileResult.failed(
                zipName,
                SampleFileViolation.MALFORMED.code(),
                zipName + ": not a readable ZIP archive (" + e.getMessage() + ")"));
    }

    private UploadSlot spoolEntry(String name, InputStream content) throws IOException {
        UploadSpool spool;
        try {
            spool = spooler.spool(name, content);
        } catch (UploadTooLargeViolation e) {
            drain(content);
            return UploadSlot.failed(FileResult.failed(name, e.code(), e.detail()));
        }
        if (isZip(spool)) {
            spool.close();
            return UploadSlot.failed(FileResult.failed(
                    name,
                    SampleFileViolation.UNSUPPORTED.code(),
                    name + ": a ZIP archive inside a ZIP archive is not unpacked; upload it on its own"));
        }
        return new UploadSlot(spool);
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[BUFFER];
        while (in.read(buffer) >= 0) {
            // counted by the allowance as it goes
        }
    }
}

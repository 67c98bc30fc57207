package dev.edgeforge.api.sample;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * What one request may still bring in, counted while its files are spooled and its ZIP archives inflated: bytes once
 * unpacked ({@code max-expanded-request-bytes}, each ZIP entry counted at least {@code zip-entry-bytes}), ZIP
 * entries ({@code max-zip-entries}, per archive and per request)
 * and how much an archive expands ({@code max-compression-ratio}). Every inflated byte goes through an
 * {@link Archive#open entry stream} that counts it, skipped entries included, and the first byte over a limit stops
 * the read with {@link RequestTooLargeViolation} or {@link CompressionBombViolation}: a bomb costs at most the
 * limits' worth of reading, never the memory or disk its entries claim.
 *
 * <p>Not thread-safe: one per request.
 */
final class UploadAllowance {

    private final long maxExpandedBytes;
    private final int maxZipEntries;
    private final int maxZipEntriesPerRequest;
    private final long zipEntryBytes;
    private final long maxRatio;
    private final long ratioFrom;
    private long expandedBytes;
    private int zipFiles;

    UploadAllowance(DatasetProperties limits) {
        this.maxExpandedBytes = limits.maxExpandedRequestBytes().toBytes();
        this.maxZipEntries = limits.maxZipEntries();
        this.maxZipEntriesPerRequest = limits.maxZipEntriesPerRequest();
        this.zipEntryBytes = limits.zipEntryBytes().toBytes();
        this.maxRatio = limits.maxCompressionRatio();
        this.ratioFrom = limits.compressionRatioFrom().toBytes();
    }

    /** Counts a file sent as it is (not an archive). */
    void addFile(String fileName, long bytes) {
        charge(bytes, "'" + fileName + "'");
    }

    private void charge(long bytes, String what) {
        expandedBytes += bytes;
        if (expandedBytes > maxExpandedBytes) {
            throw new RequestTooLargeViolation("The upload holds more than " + ByteSizes.describe(maxExpandedBytes)
                    + " once its ZIP archives are unpacked (the limit for one request; " + what
                    + " went past it); nothing of it was stored. Split it into smaller uploads.");
        }
    }

    /** Starts counting an archive whose compressed bytes are read through {@code compressed}. */
    Archive archive(String zipName, CountingInputStream compressed) {
        return new Archive(zipName, compressed);
    }

    /** One ZIP archive being unpacked. */
    final class Archive {
        private final String zipName;
        private final CountingInputStream compressed;
        private int files;
        private int skipped;
        private long expanded;

        private Archive(String zipName, CountingInputStream compressed) {
            this.zipName = zipName;
            this.compressed = compressed;
        }

        /**
         * Counts the next entry: a file, or one that is skipped (folders, macOS metadata).
         *
         * @throws RequestTooLargeViolation past {@code max-zip-entries} or {@code max-zip-entries-per-request}
         */
        void countEntry(boolean skippedEntry, String entryName) {
            // every entry costs a spool (or a skip) and a row at least: counted in bytes, so the bytes bound the count
            charge(zipEntryBytes, "'" + zipName + "' entry '" + entryName + "'");
            if (skippedEntry) {
                if (++skipped > maxZipEntries) {
                    throw tooManyEntries("more than " + maxZipEntries + " folders and metadata entries");
                }
                return;
            }
            if (++files > maxZipEntries) {
                throw tooManyEntries("more than " + maxZipEntries + " files (the limit for one archive)");
            }
            if (++zipFiles > maxZipEntriesPerRequest) {
                throw new RequestTooLargeViolation("The ZIP archives of the upload hold more than "
                        + maxZipEntriesPerRequest + " files together (the limit for one request); nothing of it was "
                        + "stored. Split it into smaller uploads.");
            }
        }

        private RequestTooLargeViolation tooManyEntries(String what) {
            return new RequestTooLargeViolation("'" + zipName + "' holds " + what + "; nothing of the upload was "
                    + "stored. Split it into smaller archives.");
        }

        /** The current entry's bytes, counted as they are inflated; not closed by closing it. */
        InputStream open(InputStream entry, String entryName) {
            return new EntryStream(entry, entryName, compressed.count());
        }

        private void inflated(String entryName, long n, long entryExpanded, long entryCompressed) {
            expanded += n;
            charge(n, "'" + zipName + "' entry '" + entryName + "'");
            if (entryExpanded > ratioFrom && entryExpanded > maxRatio * Math.max(1, entryCompressed)) {
                throw bomb("its entry '" + entryName + "' expands more than " + maxRatio + " times ("
                        + ByteSizes.describe(entryExpanded) + " so far from " + ByteSizes.describe(entryCompressed)
                        + ")");
            }
            long archiveCompressed = compressed.count();
            if (expanded > ratioFrom && expanded > maxRatio * Math.max(1, archiveCompressed)) {
                throw bomb("it expands more than " + maxRatio + " times (" + ByteSizes.describe(expanded)
                        + " so far from " + ByteSizes.describe(archiveCompressed) + ")");
            }
        }

        private CompressionBombViolation bomb(String how) {
            return new CompressionBombViolation("'" + zipName + "' looks like a compression bomb: " + how
                    + ", more than the limit of " + maxRatio + " times; nothing of the upload was stored.");
        }

        /** Counts what an entry inflates, and checks the limits after every read. */
        private final class EntryStream extends FilterInputStream {
            private final String entryName;
            private final long compressedAtStart;
            private long entryExpanded;

            EntryStream(InputStream in, String entryName, long compressedAtStart) {
                super(in);
                this.entryName = entryName;
                this.compressedAtStart = compressedAtStart;
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    counted(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    counted(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                // skipping inflates too: read through, so every byte is counted
                byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, n))];
                long skipped = 0;
                while (skipped < n) {
                    int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                    if (read < 0) {
                        break;
                    }
                    skipped += read;
                }
                return skipped;
            }

            private void counted(int n) {
                entryExpanded += n;
                inflated(entryName, n, entryExpanded, compressed.count() - compressedAtStart);
            }

            @Override
            public void close() {
                // the ZIP stream moves on to the next entry; closing it here would end the archive
            }
        }
    }

    /** Counts the bytes read from the stream below (the compressed side of an archive). */
    static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}

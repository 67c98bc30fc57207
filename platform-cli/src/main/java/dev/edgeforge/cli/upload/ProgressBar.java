package dev.edgeforge.cli.upload;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * An upload's progress on a terminal: a bar redrawn in place on standard error (bytes sent, files done), cleared
 * whenever a result line is printed so the lines scroll above it. Off a terminal it draws nothing and result lines
 * are printed as they are. Bytes are reported from the HTTP client's thread, hence the synchronization.
 */
final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final int totalFiles;
    private final long totalBytes;
    private int filesDone;
    private long bytesDone;
    private long inFlight;
    private long inFlightLimit;
    private long lastDraw;

    ProgressBar(PrintWriter err, boolean enabled, int totalFiles, long totalBytes) {
        this.err = err;
        this.enabled = enabled;
        this.totalFiles = totalFiles;
        this.totalBytes = totalBytes;
    }

    /** A request of this many file bytes starts. */
    synchronized void requestStarted(long fileBytes) {
        inFlight = 0;
        inFlightLimit = fileBytes;
    }

    /** Bytes of the current request went out (multipart framing included, hence the cap). */
    synchronized void sent(long bytes) {
        inFlight = Math.min(inFlightLimit, inFlight + bytes);
        if (System.nanoTime() - lastDraw > REDRAW_NANOS) {
            draw();
        }
    }

    /** Files reached their final result. */
    synchronized void done(int files, long bytes) {
        filesDone += files;
        bytesDone += bytes;
        inFlight = 0;
        inFlightLimit = 0;
        draw();
    }

    /** Prints a line to {@code out} above the bar. */
    synchronized void printAbove(PrintWriter out, String line) {
        clear();
        out.println(line);
        out.flush();
        draw();
    }

    synchronized void finish() {
        clear();
    }

    private void draw() {
        if (!enabled) {
            return;
        }
        lastDraw = System.nanoTime();
        long bytes = Math.min(totalBytes, bytesDone + inFlight);
        double share =
                totalBytes == 0 ? (totalFiles == 0 ? 1 : (double) filesDone / totalFiles) : (double) bytes / totalBytes;
        int filled = (int) Math.round(share * WIDTH);
        err.printf(
                Locale.ROOT,
                "\r\033[K[%s%s] %3d%%  %d/%d files  %s/%s",
                "#".repeat(filled),
                "-".repeat(WIDTH - filled),
                Math.round(share * 100),
                filesDone,
                totalFiles,
                human(bytes),
                human(totalBytes));
        err.flush();
    }

    private void clear() {
        if (enabled) {
            err.print("\r\033[K");
            err.flush();
        }
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}

package dev.edgeforge.api.sample;

/** One file of a batch: spooled, or already decided (a failure, a sidecar). Closing deletes the spooled bytes. */
final class UploadSlot implements AutoCloseable {

    final UploadSpool spool;
    FileResult result;

    UploadSlot(UploadSpool spool) {
        this.spool = spool;
    }

    private UploadSlot(FileResult result) {
        this.spool = null;
        this.result = result;
    }

    static UploadSlot failed(FileResult result) {
        return new UploadSlot(result);
    }

    @Override
    public void close() {
        if (spool != null) {
            spool.close();
        }
    }
}

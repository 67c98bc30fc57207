package dev.edgeforge.training.job;

import dev.edgeforge.infra.job.JobContext;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.training.trainer.CheckpointStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;

/**
 * A train job's checkpoint in the object store ({@code ModelArtifactKeys.trainCheckpoint}), shared by its attempts:
 * each save replaces the object with the attempt number followed by the trainer's bytes, so that a later attempt can
 * say whose checkpoint it continues from. Saving never fails the job (a lost checkpoint only costs epochs); a run
 * that no longer owns the job (lease lost, cancelled) saves nothing, so it cannot overwrite its successor's.
 */
final class JobCheckpoints implements CheckpointStore {

    private final ObjectStore store;
    private final JobContext context;
    private final String key;
    private int loadedFrom;

    JobCheckpoints(ObjectStore store, JobContext context, String key) {
        this.store = store;
        this.context = context;
        this.key = key;
    }

    @Override
    public byte[] load() {
        byte[] bytes;
        try {
            if (!store.exists(key)) {
                if (context.attempt() > 1) {
                    context.log(
                            "No checkpoint of an earlier attempt: attempt " + context.attempt() + " starts at epoch 1");
                }
                return null;
            }
            try (InputStream in = store.get(key)) {
                bytes = in.readAllBytes();
            }
        } catch (IOException | RuntimeException e) {
            context.log(
                    "Ignoring the checkpoint: it cannot be read (" + e.getMessage() + "); training starts at epoch 1");
            return null;
        }
        if (bytes.length < Integer.BYTES) {
            ignored("it is cut short");
            return null;
        }
        loadedFrom = ByteBuffer.wrap(bytes).getInt();
        return Arrays.copyOfRange(bytes, Integer.BYTES, bytes.length);
    }

    @Override
    public void save(int epoch, byte[] checkpoint) {
        if (context.isCancelRequested()) {
            return;
        }
        byte[] bytes = ByteBuffer.allocate(Integer.BYTES + checkpoint.length)
                .putInt(context.attempt())
                .put(checkpoint)
                .array();
        try {
            store.put(key, bytes);
            context.log(String.format(Locale.ROOT, "Checkpoint saved after epoch %d (%d bytes)", epoch, bytes.length));
        } catch (RuntimeException e) {
            context.log("Could not save the checkpoint after epoch " + epoch + " (" + e.getMessage()
                    + "); training goes on");
        }
    }

    @Override
    public void resumed(int nextEpoch) {
        context.log("Attempt " + context.attempt() + " on " + context.workerId() + " resumes at epoch " + nextEpoch
                + " (checkpoint of attempt " + loadedFrom + ")");
    }

    @Override
    public void ignored(String why) {
        context.log("Ignoring the checkpoint" + (loadedFrom > 0 ? " of attempt " + loadedFrom : "") + ": " + why
                + "; training starts at epoch 1");
    }

    /** Removes the checkpoint once the job has ended; a failure is logged, the sweeper removes it with the model. */
    void discard() {
        try {
            store.delete(key);
        } catch (RuntimeException e) {
            context.log("Could not remove the training checkpoint (" + e.getMessage()
                    + "); it goes with the model's files");
        }
    }
}

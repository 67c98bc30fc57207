package dev.edgeforge.jobs.training;

import java.util.Objects;
import java.util.UUID;

/**
 * Where a model's bytes live in the object store: everything under {@code projects/{projectId}/models/{modelId}/},
 * each run in a folder of its own so that a retried or repeated job never overwrites what another run wrote (a
 * worker that lost its lease may still be writing): {@code train-{attempt}/} for training, {@code test-{jobId}-
 * {attempt}/} for a test job, {@code import/} for an uploaded file. The model row names the keys of the run it
 * took its results from; deleting a model deletes the whole prefix. A training job's checkpoint
 * ({@code checkpoint-{jobId}.bin}) is shared by the job's attempts: a later attempt continues from it.
 */
public final class ModelArtifactKeys {

    public static final String TRAINED_NETWORK = "trained-network.json";
    public static final String FLOAT32_TFLITE = "model-float32.tflite";
    public static final String INT8_TFLITE = "model-int8.tflite";
    public static final String KMEANS_MODEL = "kmeans-model.json";
    public static final String GMM_MODEL = "gmm-model.json";
    public static final String METRICS = "metrics.json";
    public static final String TEST_METRICS = "test-metrics.json";
    public static final String PREDICTIONS = "predictions.json";

    private ModelArtifactKeys() {}

    /** The folder of every object of the model, ending in {@code /}. */
    public static String modelPrefix(UUID projectId, UUID modelId) {
        return "projects/" + Objects.requireNonNull(projectId, "projectId") + "/models/"
                + Objects.requireNonNull(modelId, "modelId") + "/";
    }

    /** The folder of one attempt of the model's training job. */
    public static String trainRun(UUID projectId, UUID modelId, int attempt) {
        return modelPrefix(projectId, modelId) + "train-" + attempt + "/";
    }

    /**
     * The training checkpoint of one train job, which every attempt of the job reads and writes (one attempt runs at a
     * time); the job removes it when it ends, and the sweeper with the model's other objects once the model is gone.
     */
    public static String trainCheckpoint(UUID projectId, UUID modelId, UUID jobId) {
        return modelPrefix(projectId, modelId) + "checkpoint-" + Objects.requireNonNull(jobId, "jobId") + ".bin";
    }

    /** The folder of one attempt of a test job on the model. */
    public static String testRun(UUID projectId, UUID modelId, UUID jobId, int attempt) {
        return modelPrefix(projectId, modelId) + "test-" + jobId + "-" + attempt + "/";
    }

    /** The folder of an imported model's files. */
    public static String importRun(UUID projectId, UUID modelId) {
        return modelPrefix(projectId, modelId) + "import/";
    }
}

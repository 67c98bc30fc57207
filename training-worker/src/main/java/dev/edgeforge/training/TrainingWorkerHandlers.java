package dev.edgeforge.training;

import dev.edgeforge.infra.job.JobHandler;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.infra.worker.WorkerEnvironment;
import dev.edgeforge.training.compress.CompressJobHandler;
import dev.edgeforge.training.feature.FeatureJobHandler;
import dev.edgeforge.training.job.TestJobHandler;
import dev.edgeforge.training.job.TrainJobHandler;
import dev.edgeforge.training.trainer.CheckpointPolicy;
import dev.edgeforge.training.tune.TuneJobHandler;
import java.util.List;

/**
 * Every job handler of the training worker, in one place: the standalone process
 * ({@link TrainingWorkerApplication}) and the server's in-process workers both take their handlers from here, so a
 * new job type is added once. How to add one: construct it below from the object store (and the environment, for
 * settings such as the work directory).
 */
public final class TrainingWorkerHandlers {

    private TrainingWorkerHandlers() {}

    /**
     * The handlers, built on {@code store}.
     *
     * @param environment the worker's settings; {@code null} when the handlers run inside the server, which has no
     *                    worker environment of its own
     */
    public static List<JobHandler> create(ObjectStore store, WorkerEnvironment environment) {
        return List.of(
                new FeatureJobHandler(store),
                new TrainJobHandler(store, CheckpointPolicy.from(System.getenv())),
                new TestJobHandler(store),
                new CompressJobHandler(store),
                new TuneJobHandler(store));
    }
}

package dev.edgeforge.api.compression;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** The model is still training, failed or was cancelled (409); the same problem code as the models feature's. */
public class ModelNotReadyForCompressionViolation extends EdgeForgeException {

    public static final ProblemType TYPE = new ProblemType("model-not-ready", HttpStatus.CONFLICT, "Model not ready");

    public ModelNotReadyForCompressionViolation(String name, CompressibleModel.State state) {
        super(
                TYPE,
                "The model '" + name + "' is " + state.value() + ", not ready; "
                        + (state == CompressibleModel.State.TRAINING
                                ? "wait for training to finish, then compress it."
                                : "train it again, then compress it."));
    }
}

/**
 * The {@code tune} job (issue #13): a search over windows, DSP blocks and networks under a board's budget.
 *
 * <p>{@link dev.edgeforge.training.tune.SearchSpace} draws candidates (an impulse with a learning block and a learning
 * rate) that the project's data allows; {@link dev.edgeforge.training.tune.SuccessiveHalving} trains them briefly and
 * keeps training the best third for three times as many epochs, rung after rung, until one is left, the epochs run out
 * or the time budget ends; {@link dev.edgeforge.training.tune.DjlCandidateTrainer} trains one candidate on the training
 * split, scores its int8 network on the validation split (samples held out of training, never the test set) and
 * estimates its costs on the board with platform-jobs' {@code DeploymentEstimator}. How to extend: a new DSP block or
 * network family is one more branch in {@code SearchSpace} or {@code Networks}.
 */
package dev.edgeforge.training.tune;

/**
 * From a trained network to the model graph: {@link dev.edgeforge.core.learning.export.TrainedNetworkConverter} turns a
 * {@link dev.edgeforge.core.learning.TrainedNetwork} (what the training worker exports from DJL) into a float32
 * {@link dev.edgeforge.core.model.ModelGraph} with its labels, and {@link
 * dev.edgeforge.core.learning.export.CalibrationSet}
 * picks the representative windows that {@link dev.edgeforge.core.quantization.PostTrainingQuantizer} measures
 * activation ranges on to make the int8 graph.
 *
 * <pre>{@code
 * ModelGraph float32 = new TrainedNetworkConverter().convert(result.network());
 * ModelGraph int8 = new PostTrainingQuantizer().quantize(float32,
 *         CalibrationSet.select(features, result.trainIndices(), CalibrationSet.DEFAULT_SIZE, seed));
 * }</pre>
 */
package dev.edgeforge.core.learning.export;

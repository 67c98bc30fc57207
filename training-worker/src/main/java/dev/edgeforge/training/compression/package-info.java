/**
 * Making trained classifiers smaller, with DJL: {@link dev.edgeforge.training.compression.MagnitudePruning} (weights
 * of smallest magnitude set to zero on a gradual schedule while fine-tuning),
 * {@link dev.edgeforge.training.compression.StructuredPruning} (least important units and filters removed, the
 * smaller network rebuilt and fine-tuned), {@link dev.edgeforge.training.compression.KnowledgeDistillation} (a
 * smaller student trained from the model's softened outputs), and
 * {@link dev.edgeforge.training.compression.ModelCompressor}, which runs the stages a compress job asks for, converts
 * every model to float32 and int8 graphs and measures them all into a
 * {@link dev.edgeforge.core.model.stats.CompressionReport}.
 *
 * <p>All of it builds on the trainer's fine-tuning options (initial weights, a step hook with the live weights,
 * distillation) and works on {@link dev.edgeforge.training.compression.TrainedModel}s (learning block plus trained
 * network) and the {@link dev.edgeforge.training.compression.LabelledSamples} the model was trained on.
 */
package dev.edgeforge.training.compression;

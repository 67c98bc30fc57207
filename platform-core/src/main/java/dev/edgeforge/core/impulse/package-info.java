/**
 * The impulse model: the {@link dev.edgeforge.core.impulse.InputBlock input block} (time series, audio or image),
 * the {@link dev.edgeforge.core.impulse.ProcessingBlock processing blocks} on chosen axes and the learning blocks
 * (opaque {@link dev.edgeforge.core.impulse.LearningBlockRef references}); JSON through
 * {@link dev.edgeforge.core.impulse.ImpulseJson}; validation that names each refused field
 * ({@link dev.edgeforge.core.impulse.ImpulseViolation}).
 *
 * <p>Turning samples into windows: {@link dev.edgeforge.core.impulse.Windower} for time series (with
 * {@link dev.edgeforge.core.impulse.Resampler} when a sample's rate differs) and
 * {@link dev.edgeforge.core.impulse.ImageResizer} for images.
 */
package dev.edgeforge.core.impulse;

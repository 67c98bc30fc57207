/**
 * Realistic generated datasets, seeded and identical on every JVM. {@link dev.edgeforge.core.synthetic.GestureDataset}
 * is main code because the server's demo project is made of it (issue #17); the other generators are in platform-core's
 * test-jar, for tests and benchmarks across the project (training, int8 accuracy, firmware verification):
 * <ul>
 *   <li>{@link dev.edgeforge.core.synthetic.GestureDataset}: 3-axis accelerometer gestures (idle, wave, circle,
 *       updown, snake) with gravity, per-person variation, sensor noise, drift and quantisation;</li>
 *   <li>{@link dev.edgeforge.core.synthetic.KeywordLikeAudio}: 16 kHz int16-scale clips of four keyword-like sounds
 *       and background noise, for MFE/MFCC pipelines.</li>
 * </ul>
 * Both give {@link dev.edgeforge.core.synthetic.SyntheticSample}s: a name, a label, the person (speaker) index for
 * splits by person, and the {@link dev.edgeforge.core.sample.SampleData}. They are hard on purpose: persons differ,
 * so a classifier must generalise to unseen persons and a plain nearest-centroid baseline does not reach 100 %.
 */
package dev.edgeforge.core.synthetic;

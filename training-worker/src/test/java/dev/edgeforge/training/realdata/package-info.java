/**
 * Real recordings through the real model path, for choosing and guarding defaults (issue #12).
 *
 * <p>{@link dev.edgeforge.training.realdata.RealDatasets} reads {@code shared/datasets} (uWave gestures, the fsdd
 * spoken digits, an Edge Impulse export) with the splits the issue names;
 * {@link dev.edgeforge.training.realdata.RealDataExperiment} suggests or takes an impulse, computes features with the
 * platform's DSP blocks, trains with the real {@code Trainer}, quantizes to int8 and measures with the int8 reference
 * interpreter; {@link dev.edgeforge.training.realdata.ProposedDefaults} holds the rules the research chose, and
 * {@link dev.edgeforge.training.realdata.RealDataDefaultsIT} holds them to the targets.
 *
 * <p>Running experiments (build once with {@code mvn -B -pl training-worker -am test-compile}, then with the test
 * classpath): {@code java -Dai.djl.offline=true -cp ... dev.edgeforge.training.realdata.DefaultsExperiments
 * 'fsdd-std@base=final' 'uwave-last@base=final,lr=0.003@seeds=1-3'}; every result is appended as a Markdown row to
 * {@code $TMPDIR/realdata-results.md} (or {@code --out=file}). {@link dev.edgeforge.training.realdata.ExperimentSpec}
 * lists the keys.
 */
package dev.edgeforge.training.realdata;

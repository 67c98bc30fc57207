/**
 * Data augmentation as plain transforms on float arrays: every training sample is copied into the batch and then
 * changed in place, with a seeded {@link java.util.Random} so the same seed gives the same augmented batches.
 * Validation and test data are never augmented.
 *
 * <p>How to add an augmentation: add its options to the matching record in
 * {@code dev.edgeforge.core.learning}, implement it in the augmenter of that feature kind, and add a test that checks
 * the transform on a hand-made sample.
 */
package dev.edgeforge.training.augmentation;

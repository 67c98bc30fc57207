package dev.edgeforge.api.model;

import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.TensorShape;
import java.util.List;

/**
 * What the training page starts from ({@code GET .../training/defaults}).
 *
 * @param featuresAvailable whether features were generated (training needs them)
 * @param message           what to do first when they were not
 * @param impulseVersion    the impulse version of the features
 * @param featureKind       what the learning block receives
 * @param featureShape      one window's shape
 * @param labels            the training labels (the classes)
 * @param trainingWindows   windows in the training features
 * @param testWindows       windows in the test features, 0 without a test set
 * @param learningBlock     the learning block to start from
 * @param defaultsByKind    the default learning block of every kind for these features
 * @param hyperparameters   the hyperparameters to start from
 * @param layerTypes        the layer types the editor offers
 */
public record TrainingDefaults(
        boolean featuresAvailable,
        String message,
        Integer impulseVersion,
        FeatureKind featureKind,
        TensorShape featureShape,
        List<String> labels,
        long trainingWindows,
        long testWindows,
        LearningBlock learningBlock,
        List<LearningBlock> defaultsByKind,
        Hyperparameters hyperparameters,
        List<String> layerTypes) {}

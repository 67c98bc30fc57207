package dev.edgeforge.training.compression;

import dev.edgeforge.training.trainer.TrainingResult;

/**
 * A student trained from a teacher, and how the two compare on the validation samples of the student's run.
 *
 * @param model                     the trained student
 * @param training                  the student's training run
 * @param temperature               softening temperature used
 * @param alpha                     weight of the hard-label loss used
 * @param teacherValidationAccuracy the teacher's accuracy on the validation samples
 * @param studentValidationAccuracy the student's accuracy on the same samples
 * @param teacherParameters         the teacher's parameters (weights, biases and batch norm)
 * @param studentParameters         the student's parameters
 */
public record DistillationResult(
        TrainedModel model,
        TrainingResult training,
        double temperature,
        double alpha,
        double teacherValidationAccuracy,
        double studentValidationAccuracy,
        long teacherParameters,
        long studentParameters) {}

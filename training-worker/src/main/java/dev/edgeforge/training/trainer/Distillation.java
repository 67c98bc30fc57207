package dev.edgeforge.training.trainer;

/**
 * Knowledge distillation for a classification run: the loss becomes
 * {@code alpha × CE(student, hard labels) + (1 − alpha) × T² × KL(softmax(teacher / T) ‖ softmax(student / T))}
 * (Hinton et al., 2015; the T² keeps the soft term's gradients comparable across temperatures). The hard-label term
 * uses the class weights when automatic class weights are on. The epochs' training loss is this loss; validation
 * loss and accuracy stay those of the hard labels, so runs with and without a teacher compare.
 *
 * <p>The teacher's targets are for the samples as given: with data augmentation the student sees augmented samples
 * but the teacher's view of the clean one.
 *
 * @param teacherLogits the teacher's logits (before softmax) for every sample, in the order of the features
 * @param temperature   softening temperature T, above 0
 * @param alpha         weight of the hard-label loss, in [0, 1]
 */
public record Distillation(float[][] teacherLogits, double temperature, double alpha) {

    public Distillation {
        if (teacherLogits == null) {
            throw new IllegalArgumentException("distillation needs the teacher's logits");
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException(
                    "the distillation temperature must be a positive finite number, got " + temperature);
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("the distillation alpha must be between 0 and 1, got " + alpha);
        }
    }

    /** {@code softmax(teacherLogits[sample] / T)}, computed stably in double. */
    float[] softTargets(int sample) {
        float[] logits = teacherLogits[sample];
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v / temperature);
        }
        double sum = 0;
        double[] exp = new double[logits.length];
        for (int j = 0; j < logits.length; j++) {
            exp[j] = Math.exp(logits[j] / temperature - max);
            sum += exp[j];
        }
        float[] targets = new float[logits.length];
        for (int j = 0; j < logits.length; j++) {
            targets[j] = (float) (exp[j] / sum);
        }
        return targets;
    }
}

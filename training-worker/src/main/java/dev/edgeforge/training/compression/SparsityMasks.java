package dev.edgeforge.training.compression;

import ai.djl.ndarray.NDArray;
import dev.edgeforge.training.trainer.NetworkWeights;
import dev.edgeforge.training.trainer.StepHook;
import dev.edgeforge.training.trainer.TrainingStep;
import java.util.Arrays;

/**
 * Magnitude pruning masks kept during fine-tuning. While the schedule's sparsity rises, every step the smallest
 * weights of each weighted layer (by absolute value) are masked until the layer reaches the scheduled sparsity; a
 * weight once masked stays masked. After every optimizer step the masks are multiplied into the weights, so the
 * optimizer's updates to masked weights are undone and pruned weights stay exactly zero.
 */
final class SparsityMasks implements StepHook {

    private final SparsitySchedule schedule;
    private boolean[][] pruned;
    private NDArray[] masks;
    private double applied = -1;

    SparsityMasks(SparsitySchedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public void beforeTraining(TrainingStep plan, NetworkWeights weights) {
        int layers = weights.layers().size();
        pruned = new boolean[layers][];
        masks = new NDArray[layers];
        update(schedule.sparsityAt(0, plan.totalSteps()), weights);
    }

    @Override
    public void afterStep(TrainingStep step, NetworkWeights weights) {
        double sparsity = schedule.sparsityAt(step.step(), step.totalSteps());
        if (sparsity > applied) {
            update(sparsity, weights);
        } else {
            multiply(weights);
        }
    }

    /** Masks each layer's smallest weights up to {@code sparsity} (keeping earlier masks), then applies the masks. */
    private void update(double sparsity, NetworkWeights weights) {
        for (int layer = 0; layer < masks.length; layer++) {
            if (!weights.hasWeights(layer)) {
                continue;
            }
            NDArray array = weights.weights(layer);
            int size = Math.toIntExact(array.size());
            if (pruned[layer] == null) {
                pruned[layer] = new boolean[size];
            }
            int wanted = (int) Math.round(sparsity * size);
            if (masks[layer] != null && count(pruned[layer]) >= wanted) {
                continue; // no new weight to prune in this layer yet: keep its mask
            }
            float[] values = array.toFloatArray();
            selectSmallest(values, pruned[layer], wanted);
            float[] mask = new float[values.length];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = pruned[layer][i] ? 0f : 1f;
            }
            if (masks[layer] != null) {
                masks[layer].close();
            }
            masks[layer] = weights.manager().create(mask, array.getShape());
        }
        applied = sparsity;
        multiply(weights);
    }

    private void multiply(NetworkWeights weights) {
        for (int layer = 0; layer < masks.length; layer++) {
            if (masks[layer] != null) {
                weights.weights(layer).muli(masks[layer]);
            }
        }
    }

    /** Marks the not yet pruned weights of smallest magnitude as pruned until {@code wanted} are. */
    private static void selectSmallest(float[] values, boolean[] pruned, int wanted) {
        int missing = wanted - count(pruned);
        if (missing <= 0) {
            return;
        }
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Already pruned weights first, then by magnitude; stable, so ties go to the lower index.
        Arrays.sort(
                order,
                (a, b) -> pruned[a] != pruned[b]
                        ? (pruned[a] ? -1 : 1)
                        : Float.compare(Math.abs(values[a]), Math.abs(values[b])));
        for (int i = 0; i < wanted; i++) {
            pruned[order[i]] = true;
        }
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean flag : flags) {
            n += flag ? 1 : 0;
        }
        return n;
    }
}

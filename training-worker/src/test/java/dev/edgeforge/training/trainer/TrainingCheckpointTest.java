package dev.edgeforge.training.trainer;

import static dev.edgeforge.core.learning.Activation.RELU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.learning.EpochMetrics;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.LearningRateSchedule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checkpoints of a training run: what is saved when, what a resumed run continues with, what it ignores. */
class TrainingCheckpointTest {

    private static final List<String> CLASSES = List.of("idle", "wave", "circle");
    private static final LearningBlock DENSE_20_10 =
            LearningBlock.classification(List.of(LayerSpec.dense(20, RELU), LayerSpec.dense(10, RELU)));
    private static final Hyperparameters SIX_EPOCHS =
            Hyperparameters.defaults().withEpochs(6).withLearningRate(0.01);
    private static final CheckpointPolicy EVERY_TWO = new CheckpointPolicy(2, Duration.ZERO);

    @Test
    void aResumedRunKeepsTheCheckpointsHistoryAndTrainsOnlyTheRemainingEpochs() throws Exception {
        MemoryStore first = new MemoryStore(null);
        TrainingResult uninterrupted = train(SIX_EPOCHS, first, new ArrayList<>());
        // saved after epochs 2 and 4; the last epoch needs none
        assertThat(first.savedEpochs).containsExactly(2, 4);
        TrainingCheckpoint atFour = TrainingCheckpoint.decode(first.saved.get(1));
        assertThat(atFour.epoch()).isEqualTo(4);
        assertThat(atFour.history()).isEqualTo(uninterrupted.history().subList(0, 4));
        assertThat(atFour.encode()).as("the format reads back what it wrote").isEqualTo(first.saved.get(1));

        MemoryStore second = new MemoryStore(first.saved.get(1));
        List<EpochMetrics> streamed = new ArrayList<>();
        TrainingResult resumed = train(SIX_EPOCHS, second, streamed);

        assertThat(second.resumedAt).isEqualTo(5);
        assertThat(second.ignored).isNull();
        assertThat(streamed).extracting(EpochMetrics::epoch).containsExactly(5, 6);
        assertThat(resumed.history()).hasSize(6);
        assertThat(resumed.history().subList(0, 4))
                .isEqualTo(uninterrupted.history().subList(0, 4));
        assertThat(resumed.trainIndices()).isEqualTo(uninterrupted.trainIndices());
        assertThat(resumed.lastEpochMetrics().validationAccuracy()).isGreaterThan(0.8);
        assertThat(second.savedEpochs)
                .as("the resumed run saves on from where it is")
                .isEmpty();
    }

    @Test
    void aDamagedOrForeignCheckpointIsIgnoredAndTrainingStartsAtEpochOne() throws Exception {
        MemoryStore first = new MemoryStore(null);
        train(SIX_EPOCHS, first, new ArrayList<>());
        byte[] checkpoint = first.saved.get(0);

        MemoryStore cut = new MemoryStore(Arrays.copyOf(checkpoint, checkpoint.length / 2));
        List<EpochMetrics> streamed = new ArrayList<>();
        train(SIX_EPOCHS, cut, streamed);
        assertThat(cut.ignored).startsWith("it cannot be read (");
        assertThat(cut.resumedAt).isZero();
        assertThat(streamed).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3, 4, 5, 6);

        MemoryStore foreign = new MemoryStore(checkpoint);
        streamed.clear();
        train(SIX_EPOCHS.withLearningRate(0.005), foreign, streamed);
        assertThat(foreign.ignored).isEqualTo("it was saved by a training of another network, data or hyperparameters");
        assertThat(streamed).extracting(EpochMetrics::epoch).startsWith(1).hasSize(6);
    }

    @Test
    void aResumedScheduleGoesOnWhereItWasThoughTheOptimizerCountsItsUpdatesFromOneAgain() {
        LearningRateController running =
                new LearningRateController(0.01, new LearningRateSchedule.Cosine(0.1, 0.0001), 1000);
        LearningRateController resumed =
                new LearningRateController(0.01, new LearningRateSchedule.Cosine(0.1, 0.0001), 1000);
        resumed.resume(running.state(), 400);
        assertThat(resumed.getNewValue(1))
                .isEqualTo(running.getNewValue(401))
                .isNotEqualTo(running.getNewValue(1)); // update 1 is in the warm-up, update 401 is not

        LearningRateController plateau =
                new LearningRateController(0.01, new LearningRateSchedule.ReduceOnPlateau(1, 0.5, 0.0001), 100);
        plateau.onValidation(1.0);
        plateau.onValidation(2.0); // no improvement for 1 epoch: the rate halves
        LearningRateController afterResume =
                new LearningRateController(0.01, new LearningRateSchedule.ReduceOnPlateau(1, 0.5, 0.0001), 100);
        afterResume.resume(plateau.state(), 20);
        assertThat(afterResume.getNewValue(1)).isEqualTo(0.005f);
        afterResume.onValidation(1.5); // still not below the best (1.0) that the checkpoint kept
        assertThat(afterResume.getNewValue(2)).isEqualTo(0.0025f);
    }

    @Test
    void thePolicyComesFromTheEnvironmentWithDefaults() {
        assertThat(CheckpointPolicy.from(Map.of())).isEqualTo(CheckpointPolicy.DEFAULT);
        assertThat(CheckpointPolicy.DEFAULT).isEqualTo(new CheckpointPolicy(10, Duration.ofSeconds(30)));
        assertThat(CheckpointPolicy.from(Map.of(
                        "EDGEFORGE_TRAINING_CHECKPOINT_EPOCHS", "5", "EDGEFORGE_TRAINING_CHECKPOINT_SECONDS", "0")))
                .isEqualTo(new CheckpointPolicy(5, Duration.ZERO));
        assertThatThrownBy(() -> CheckpointPolicy.from(Map.of("EDGEFORGE_TRAINING_CHECKPOINT_EPOCHS", "ten")))
                .hasMessage("EDGEFORGE_TRAINING_CHECKPOINT_EPOCHS must be a whole number, got 'ten'");
        assertThatThrownBy(() -> CheckpointPolicy.from(Map.of("EDGEFORGE_TRAINING_CHECKPOINT_EPOCHS", "0")))
                .hasMessageContaining("must be at least 1");
    }

    private static TrainingResult train(Hyperparameters hyperparameters, MemoryStore store, List<EpochMetrics> seen) {
        SyntheticData data = SyntheticData.blobs(60, 3, 8, 1);
        return Trainer.builder()
                .setArchitecture(DENSE_20_10)
                .setHyperparameters(hyperparameters)
                .setFeatures(data.features)
                .setClassLabels(data.labels, CLASSES)
                .optEpochListener(seen::add)
                .optCheckpoints(store, EVERY_TWO)
                .build()
                .train();
    }

    /** Keeps what a run saves and hands it one checkpoint to load. */
    private static final class MemoryStore implements CheckpointStore {
        private final byte[] toLoad;
        final List<byte[]> saved = new ArrayList<>();
        final List<Integer> savedEpochs = new ArrayList<>();
        int resumedAt;
        String ignored;

        MemoryStore(byte[] toLoad) {
            this.toLoad = toLoad;
        }

        @Override
        public byte[] load() {
            return toLoad;
        }

        @Override
        public void save(int epoch, byte[] checkpoint) {
            savedEpochs.add(epoch);
            saved.add(checkpoint);
        }

        @Override
        public void resumed(int nextEpoch) {
            resumedAt = nextEpoch;
        }

        @Override
        public void ignored(String why) {
            ignored = why;
        }
    }
}

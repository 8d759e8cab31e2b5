package org.activationlab.tf.callbacks;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.activationlab.data.Dataset;
import org.activationlab.dsl.Sequential;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.ModelCompiler;
import org.activationlab.tf.TrainingConfig;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.training.EpochStats;
import org.activationlab.tf.training.FitOptions;
import org.activationlab.tf.training.History;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    private static EpochStats valLoss(int epoch, double loss) {
        return new EpochStats(epoch, 1.0, 0.5, loss, 0.5, 1, 0, 0.1);
    }

    /** Feeds validation losses and returns the epoch at which the callback asked to stop, 0 if never. */
    private static int stopEpoch(EarlyStopping es, double... losses) {
        es.onTrainBegin(null);
        String[] reason = {null};
        for (int i = 0; i < losses.length; i++) {
            es.onEpochEnd(valLoss(i + 1, losses[i]), r -> reason[0] = r);
            if (reason[0] != null) {
                return i + 1;
            }
        }
        return 0;
    }

    @Test
    void patienceCountsEpochsWithoutImprovement() {
        assertEquals(3, stopEpoch(EarlyStopping.builder().build(), 1.0, 0.9, 0.95));
        assertEquals(4, stopEpoch(EarlyStopping.builder().patience(2).build(), 1.0, 0.9, 0.95, 0.91, 0.92));
        // an improvement resets the count
        assertEquals(0, stopEpoch(EarlyStopping.builder().patience(2).build(), 1.0, 0.9, 0.95, 0.8, 0.85));
    }

    @Test
    void minDeltaIgnoresSmallImprovements() {
        EarlyStopping es = EarlyStopping.builder().minDelta(0.05).patience(1).build();
        assertEquals(3, stopEpoch(es, 1.0, 0.9, 0.87));
        assertEquals(2, es.bestEpoch());
        assertEquals(0.9, es.best());
    }

    @Test
    void modeFollowsTheMonitorOrIsSetExplicitly() {
        EarlyStopping accuracy = EarlyStopping.builder().monitor(Monitor.VAL_ACCURACY).build();
        accuracy.onTrainBegin(null);
        String[] reason = {null};
        accuracy.onEpochEnd(new EpochStats(1, 1, 0.5, 1, 0.6, 1, 0), r -> reason[0] = r);
        accuracy.onEpochEnd(new EpochStats(2, 1, 0.5, 1, 0.7, 1, 0), r -> reason[0] = r);
        assertNull(reason[0]);
        accuracy.onEpochEnd(new EpochStats(3, 1, 0.5, 1, 0.65, 1, 0), r -> reason[0] = r);
        assertNotNull(reason[0]);
        assertEquals(2, accuracy.bestEpoch());
        // a loss watched with mode max stops as soon as it falls
        assertEquals(2, stopEpoch(EarlyStopping.builder().higherIsBetter(true).build(), 1.0, 0.9));
    }

    @Test
    void aValidationMonitorWithoutValidationSetIsReported() {
        EarlyStopping es = EarlyStopping.builder().build();
        es.onTrainBegin(null);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> es.onEpochEnd(new EpochStats(1, 1, 0.5, Double.NaN, Double.NaN, 1, 0), r -> { }));
        assertTrue(e.getMessage().contains("monitors val_loss"), e.getMessage());
    }

    private static History history(double... losses) {
        List<EpochStats> epochs = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            epochs.add(valLoss(i + 1, losses[i]));
        }
        return new History(epochs, null, 0, List.of());
    }

    @Test
    void aResumedRunStopsWhereTheUninterruptedOneDoes() {
        // uninterrupted: 0.9 is best in epoch 2, epochs 3 and 4 do not improve, patience 2 stops in epoch 4
        assertEquals(4, stopEpoch(EarlyStopping.builder().patience(2).build(), 1.0, 0.9, 0.95, 0.96, 0.97));
        EarlyStopping es = EarlyStopping.builder().patience(2).build();
        es.onTrainBegin(null);
        String[] reason = {null};
        es.onResume(history(1.0, 0.9, 0.95), r -> reason[0] = r);
        assertNull(reason[0], "one epoch without improvement is within the patience");
        assertEquals(2, es.bestEpoch());
        es.onEpochEnd(valLoss(4, 0.96), r -> reason[0] = r);
        assertEquals("early stopping: val_loss did not improve by more than 0.0 for 2 epoch(s); best 0.9 in epoch 2",
                reason[0]);
        // started afresh (no replay) it would have taken 0.96 as its first best and gone on
        EarlyStopping fresh = EarlyStopping.builder().patience(2).build();
        fresh.onTrainBegin(null);
        String[] none = {null};
        fresh.onEpochEnd(valLoss(4, 0.96), r -> none[0] = r);
        assertNull(none[0]);
    }

    /** The stop reason when {@code es} resumes after {@code losses}, null if it does not stop at once. */
    private static String resumeStop(EarlyStopping es, double... losses) {
        es.onTrainBegin(null);
        String[] reason = {null};
        es.onResume(history(losses), r -> reason[0] = r);
        return reason[0];
    }

    @Test
    void aRunInterruptedAfterItsStoppingEpochStopsAtOnce() {
        assertEquals("early stopping: val_loss did not improve by more than 0.0 for 1 epoch(s); best 0.9 in epoch 2",
                resumeStop(EarlyStopping.builder().patience(1).build(), 1.0, 0.9, 0.95));
        assertEquals("early stopping: val_loss did not improve by more than 0.0 for 1 epoch(s); best 0.9 in epoch 2",
                resumeStop(EarlyStopping.builder().build(), 1.0, 0.9, 0.95), "patience 0");
        assertNull(resumeStop(EarlyStopping.builder().build(), 1.0, 0.9),
                "patience 0 stops only after an epoch without improvement");
        assertEquals("early stopping: val_loss did not improve by more than 0.05 for 1 epoch(s); best 0.9 in epoch 2",
                resumeStop(EarlyStopping.builder().minDelta(0.05).patience(1).build(), 1.0, 0.9, 0.87),
                "0.87 is no improvement by more than 0.05");
        // a history that ran past the stop (trained without the callback): the stop is the one due first
        assertEquals("early stopping: val_loss did not improve by more than 0.0 for 2 epoch(s); best 0.9 in epoch 2",
                resumeStop(EarlyStopping.builder().patience(2).build(), 1.0, 0.9, 0.95, 0.96, 0.97));
    }

    @Test
    void bestWeightsOfAnEpochBeforeTheCheckpointAreRefusedWhenTheyWouldBePutBack() {
        String expected = "EarlyStopping cannot put the best weights back: the best epoch is 2 (val_loss 0.9), trained"
                + " before the checkpoint this run resumed from, which holds a later epoch's weights; resume without"
                + " restoreBestWeights, or from epoch 2's checkpoint";
        // a stop due at once: refused before training on
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> resumeStop(
                EarlyStopping.builder().patience(1).restoreBestWeights(true).build(), 1.0, 0.9, 0.95));
        assertEquals(expected, e.getMessage());
        // patience left: training goes on, and only if no later epoch improves does the end refuse
        EarlyStopping es = EarlyStopping.builder().patience(3).restoreBestWeights(true).build();
        assertNull(resumeStop(es, 1.0, 0.9, 0.95));
        es.onEpochEnd(valLoss(4, 0.96), r -> { });
        e = assertThrows(IllegalStateException.class, es::onTrainEnd);
        assertEquals(expected, e.getMessage());
    }

    /**
     * Interrupted at its best epoch and resumed (deterministic, same model), the run stops in the same epoch for
     * the same reason as the uninterrupted one and puts back the same best weights.
     */
    @Test
    void fitResumedAtTheBestEpochEndsAsTheUninterruptedFit() {
        Dataset train = randomLabels(60, 1);
        Dataset valid = randomLabels(200, 2);
        Sequential mlp = Sequential.of(input(5), dense(64).relu(), dense(3).softmax());
        TrainingConfig config = TrainingConfig.of(Sgd.of(0.2), 3).withDeterministic(true);
        FitOptions.Builder options = FitOptions.builder(200, 10).validation(valid).shuffleSeed(5);
        History full;
        int best;
        double bestLoss;
        try (CompiledModel m = ModelCompiler.compile(mlp, config)) {
            EarlyStopping es = EarlyStopping.builder().patience(3).restoreBestWeights(true).build();
            full = m.fit(train, options.callback(es).build());
            best = es.bestEpoch();
            bestLoss = m.evaluate(valid).loss();
        }
        assertNotNull(full.stopReason());
        try (CompiledModel m = ModelCompiler.compile(mlp, config)) {
            History first = m.fit(train, FitOptions.builder(best, 10).validation(valid).shuffleSeed(5).build());
            EarlyStopping es = EarlyStopping.builder().patience(3).restoreBestWeights(true).build();
            History resumed = m.fit(train, FitOptions.builder(200, 10).validation(valid).shuffleSeed(5)
                    .resumeFrom(first).callback(es).build());
            assertEquals(full.epochs().size(), resumed.epochs().size());
            assertEquals(full.stopReason(), resumed.stopReason());
            assertEquals(best, es.bestEpoch());
            assertEquals(bestLoss, m.evaluate(valid).loss(), 0.0);
        }
    }

    private static Dataset randomLabels(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n * 5];
        int[] y = new int[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            y[i] = random.nextInt(3);
        }
        return new Dataset("random-" + seed, x, y, new int[] {5}, List.of("a", "b", "c"), "generated");
    }

    /**
     * Memorising random labels makes the validation loss rise after a few epochs; the weights left in the model
     * must be the best epoch's, so evaluating them gives that epoch's validation loss, not the last one's.
     */
    @Test
    void restoredWeightsEvaluateToTheBestEpochsValidationLoss() {
        Dataset train = randomLabels(60, 1);
        Dataset valid = randomLabels(200, 2);
        Sequential mlp = Sequential.of(input(5), dense(64).relu(), dense(3).softmax());
        EarlyStopping es = EarlyStopping.builder().patience(3).restoreBestWeights(true).build();
        List<Double> seen = new ArrayList<>();
        try (CompiledModel m = ModelCompiler.compile(mlp, TrainingConfig.of(Sgd.of(0.2), 3))) {
            History h = m.fit(train, FitOptions.builder(200, 10).validation(valid).callback(es)
                    .callback((s, c) -> seen.add(s.valLoss())).build());
            assertNotNull(h.stopReason(), "validation loss should stop improving on random labels");
            int best = es.bestEpoch();
            assertTrue(best < h.epochs().size(), "best " + best + " of " + h.epochs().size());
            double bestLoss = h.epochs().get(best - 1).valLoss();
            assertEquals(seen.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), bestLoss);
            assertTrue(h.last().valLoss() > bestLoss);
            assertEquals(bestLoss, m.evaluate(valid).loss(), 1e-6);
        }
    }
}

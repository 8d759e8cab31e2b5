package org.activationlab.tf;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.activationlab.dsl.Sequential;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.training.FitOptions;
import org.activationlab.tf.training.History;
import org.junit.jupiter.api.Test;

/** A run whose loss overflows is stopped and recorded as diverged, without an exception. */
class DivergenceTest {

    @Test
    void nonFiniteLossStopsTrainingAndIsRecorded() {
        Sequential model = Sequential.of(input(6), dense(16).relu(), dense(16).relu(), dense(3).softmax());
        var batch = FiniteDifferences.randomBatch(64, new int[] {6}, 3, 2);
        try (CompiledModel m = ModelCompiler.compile(model, TrainingConfig.of(Sgd.of(1e12), 1))) {
            History h = m.fit(batch, FitOptions.builder(20, 8).validation(batch).build());
            assertTrue(h.diverged(), "a learning rate of 1e12 must blow up: " + h.epochs());
            assertEquals(h.divergedEpoch(), h.epochs().size(), "training stops at the diverged epoch");
            assertFalse(Double.isFinite(h.last().trainLoss()));
            assertTrue(h.stopReason().contains("training loss became"), h.stopReason());
            assertTrue(Double.isNaN(h.last().valAccuracy()), "no evaluation after divergence");
        }
    }
}

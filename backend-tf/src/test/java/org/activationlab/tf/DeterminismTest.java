package org.activationlab.tf;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.input;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.activationlab.data.Dataset;
import org.activationlab.tf.saving.Blobs;
import org.activationlab.dsl.Sequential;
import org.activationlab.tf.optimizers.Adam;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.training.FitOptions;
import org.activationlab.tf.training.History;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    private static final Sequential MLP = Sequential.of(input(20), dense(64).relu(), dense(32).sigmoid(),
            dense(4).softmax());

    @Test
    void deterministicModeGivesBitIdenticalWeightsForTheSameSeed() {
        Dataset data = Blobs.blobs(2048, 20, 4, 5);
        Map<String, float[]> first = train(data, 9);
        Map<String, float[]> second = train(data, 9);
        for (String name : first.keySet()) {
            assertArrayEquals(first.get(name), second.get(name), 0f, name);
        }
        Map<String, float[]> otherSeed = train(data, 10);
        assertFalse(java.util.Arrays.equals(first.get("dense_1/kernel"), otherSeed.get("dense_1/kernel")));
    }

    @Test
    void momentumAndAdamLearnASeparableProblem() {
        Dataset data = Blobs.blobs(1024, 20, 4, 6);
        for (var optimizer : List.of(new Sgd(0.05, 0.9, true), Adam.defaults())) {
            try (CompiledModel model = ModelCompiler.compile(MLP, TrainingConfig.of(optimizer, 1))) {
                History h = model.fit(data, FitOptions.builder(5, 32).build());
                assertEquals(5, h.epochs().size());
                double accuracy = model.evaluate(data).accuracy();
                org.junit.jupiter.api.Assertions.assertTrue(accuracy > 0.95, optimizer.describe() + " " + accuracy);
            }
        }
    }

    private static Map<String, float[]> train(Dataset data, long seed) {
        TrainingConfig config = TrainingConfig.of(Sgd.of(0.1), seed).withDeterministic(true);
        try (CompiledModel model = ModelCompiler.compile(MLP, config)) {
            model.fit(data, FitOptions.builder(3, 32).shuffleSeed(seed).build());
            return model.weights();
        }
    }
}

package org.activationlab.tf;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.flatten;
import static org.activationlab.dsl.Layers.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.activationlab.data.TrainTest;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.data.mnist.Mnist;
import org.activationlab.dsl.Sequential;
import org.activationlab.tf.metrics.Evaluation;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.training.FitOptions;
import org.activationlab.tf.training.History;
import org.junit.jupiter.api.Test;

/** Trains the paper's MLP on a subset of real MNIST (from the test mirror) and checks it learns. */
class MnistTrainingTest {

    @Test
    void paperMlpReachesNinetyPercentOnASubset() throws IOException {
        TrainTest mnist = Mnist.load(DatasetResolver.fromEnvironment());
        Sequential mlp = Sequential.of(input(28, 28, 1), flatten(), dense(128).relu(), dense(64).relu(),
                dense(10).softmax());
        try (CompiledModel model = ModelCompiler.compile(mlp, TrainingConfig.of(Sgd.of(0.05), 7))) {
            History history = model.fit(mnist.train().take(20_000),
                    FitOptions.builder(4, 64).validation(mnist.test().take(2_000)).build());
            assertEquals(4, history.epochs().size());
            assertFalse(history.diverged());
            assertTrue(history.last().trainLoss() < history.epochs().get(0).trainLoss(), "loss should fall");
            Evaluation test = model.evaluate(mnist.test());
            assertTrue(test.accuracy() >= 0.90, "test accuracy " + test.accuracy());
            assertEquals(10_000, test.confusion().total());
            assertEquals(history.last().valAccuracy(), model.evaluate(mnist.test().take(2_000)).accuracy(), 1e-9);
        }
    }
}

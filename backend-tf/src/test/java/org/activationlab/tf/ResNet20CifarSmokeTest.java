package org.activationlab.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.activationlab.data.Dataset;
import org.activationlab.data.TrainTest;
import org.activationlab.data.cifar.Cifar10;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.dsl.models.PaperModels;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.schedules.MultiStepDecay;
import org.activationlab.tf.training.Augmentation;
import org.activationlab.tf.training.FitOptions;
import org.activationlab.tf.training.History;
import org.junit.jupiter.api.Test;

/**
 * One epoch of ResNet-20 under He et al.'s protocol (SGD, momentum 0.9, weight decay 1e-4, lr 0.1, crop + flip) on
 * a class-balanced 2,000-image subset of the CIFAR-10 JPEG copy from the test mirror: the whole graph (blocks,
 * option-A shortcuts, batch norm, schedule) trains and lowers the loss on a fixed batch.
 */
class ResNet20CifarSmokeTest {

    /** Every {@code step}-th image: the JPEG copy is ordered by class, so this keeps the classes balanced. */
    private static Dataset everyNth(Dataset d, int step, String name) {
        int[] indices = new int[d.size() / step];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i * step;
        }
        return d.subset(indices, name);
    }

    @Test
    void oneEpochOnACifarSubsetTrains() throws IOException {
        TrainTest cifar = Cifar10.load(DatasetResolver.fromEnvironment(), Cifar10.Source.JPEG).normalized();
        Dataset train = everyNth(cifar.train(), 25, "cifar10-train-2000");
        Dataset test = everyNth(cifar.test(), 50, "cifar10-test-200");
        assertEquals(200, train.classCounts()[3]);
        Dataset probe = everyNth(train, 8, "probe-250");
        TrainingConfig config = TrainingConfig.of(new Sgd(0.1, 0.9, false, 1e-4), 1)
                .withSchedule(new MultiStepDecay(List.of(91, 136), 0.1)).withAugmentation(Augmentation.cifar());
        try (CompiledModel m = ModelCompiler.compile(PaperModels.cifar10ResNet20(Activations.relu()), config)) {
            double before = m.trainingLoss(probe);
            History h = m.fit(train, FitOptions.builder(1, 128).validation(test).build());
            assertFalse(h.diverged(), h.stopReason());
            assertEquals(1, h.epochs().size());
            assertEquals(0.1, h.last().learningRate(), 1e-7);
            double after = m.trainingLoss(probe);
            assertTrue(after < before, "loss on a fixed training batch " + before + " -> " + after);
            assertTrue(Double.isFinite(h.last().valLoss()) && h.last().valAccuracy() >= 0);
        }
    }
}

package org.activationlab.examples.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.activationlab.data.Dataset;
import org.activationlab.data.TrainTest;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.data.mnist.Mnist;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Trains the hand-written MLP baseline on a subset of real MNIST (from the test mirror) and checks it learns. */
class RawTfMlpTest {

    private static final List<String> PARAMETERS = List.of("w1", "b1", "w2", "b2", "w3", "b3");

    private static TrainTest mnist;

    @BeforeAll
    static void load() throws IOException {
        mnist = Mnist.load(DatasetResolver.fromEnvironment());
    }

    @Test
    void oneStepUpdatesEveryParameter() {
        try (RawTfMlp mlp = new RawTfMlp(3)) {
            float[][] before = PARAMETERS.stream().map(mlp::variable).toArray(float[][]::new);
            assertEquals(784 * 128 + 128 + 128 * 64 + 64 + 64 * 10 + 10,
                    Arrays.stream(before).mapToInt(v -> v.length).sum());
            mlp.trainEpochSeconds(mnist.train().take(RawTfMlp.BATCH_SIZE), 5);
            for (int i = 0; i < PARAMETERS.size(); i++) {
                assertFalse(Arrays.equals(before[i], mlp.variable(PARAMETERS.get(i))), PARAMETERS.get(i) + " changed");
            }
        }
    }

    @Test
    void sameSeedSameInitialWeights() {
        try (RawTfMlp a = new RawTfMlp(11); RawTfMlp b = new RawTfMlp(11); RawTfMlp c = new RawTfMlp(12)) {
            assertArrayEquals(a.variable("w2"), b.variable("w2"));
            assertFalse(Arrays.equals(a.variable("w2"), c.variable("w2")));
        }
    }

    /** 20,000 images are 313 steps of plain SGD (lr 0.01), about 0.81 on these 1,000 test images across seeds. */
    @Test
    void oneEpochOnASubsetLearnsWellAboveChance() {
        try (RawTfMlp mlp = new RawTfMlp(1)) {
            double seconds = mlp.trainEpochSeconds(mnist.train().take(20_000), 1);
            assertTrue(seconds > 0, "train seconds " + seconds);
            double accuracy = mlp.accuracy(mnist.test().take(1_000));
            assertTrue(accuracy > 0.75, "test accuracy " + accuracy);
        }
    }

    @Test
    void takesAnySamplesOf784ValuesButNoOthers() {
        Dataset flat = new Dataset("flat", new float[784], new int[] {0}, new int[] {784}, List.of("a", "b"), "test");
        Dataset small = new Dataset("small", new float[4], new int[] {0}, new int[] {2, 2}, List.of("a"), "test");
        try (RawTfMlp mlp = new RawTfMlp(1)) {
            mlp.accuracy(flat);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mlp.accuracy(small));
            assertTrue(e.getMessage().contains("takes samples of 784 values"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> mlp.variable("x"));
        }
    }
}

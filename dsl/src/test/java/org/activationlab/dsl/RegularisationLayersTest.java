package org.activationlab.dsl;

import static org.activationlab.dsl.Layers.batchNorm;
import static org.activationlab.dsl.Layers.conv2d;
import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.dropout;
import static org.activationlab.dsl.Layers.flatten;
import static org.activationlab.dsl.Layers.input;
import static org.activationlab.dsl.Layers.spatialDropout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.activationlab.dsl.layers.BatchNorm;
import org.junit.jupiter.api.Test;

/** Dropout, spatial dropout and batch normalisation: validation, shapes and parameter counts. */
class RegularisationLayersTest {

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected '" + part + "' in: " + message);
        }
    }

    @Test
    void dropoutRateMustBeInZeroInclusiveToOneExclusive() {
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> dropout(1.0));
        assertTrue(one.getMessage().startsWith("Dropout rate must be in [0, 1), got 1.0"), one.getMessage());
        assertContains(one.getMessage(), "fraction of units dropped");
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> dropout(-0.1));
        assertTrue(negative.getMessage().startsWith("Dropout rate must be in [0, 1), got -0.1"),
                negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> dropout(Double.NaN));
        IllegalArgumentException spatial = assertThrows(IllegalArgumentException.class, () -> spatialDropout(1.0));
        assertTrue(spatial.getMessage().startsWith("SpatialDropout rate must be in [0, 1), got 1.0"),
                spatial.getMessage());
        assertThrows(IllegalArgumentException.class, () -> spatialDropout(-0.1));
        assertEquals(0.0, dropout(0.0).rate());
        assertEquals(0.999, spatialDropout(0.999).rate());
    }

    @Test
    void dropoutKeepsTheShapeAndHasNoParameters() {
        Sequential model = Sequential.of(input(28, 28, 1), dropout(0.2), spatialDropout(0.5), flatten(),
                dense(10), dropout(0.5));
        assertEquals(Shape.of(28, 28, 1), model.outputShapeOf(0));
        assertEquals(Shape.of(28, 28, 1), model.outputShapeOf(1));
        assertEquals(Shape.of(10), model.outputShape());
        assertEquals(7_850L, model.summary().total());
        assertEquals("Dropout(rate=0.5)", dropout(0.5).describe());
    }

    @Test
    void spatialDropoutNeedsAnImage() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class,
                () -> Sequential.of(input(784), dense(50), spatialDropout(0.5)));
        assertContains(e.getMessage(), "layer 2", "SpatialDropout(rate=0.5)", "[-1, 50]",
                "[-1, height, width, channels]");
    }

    @Test
    void batchNormHasTwoTrainableAndTwoMovingValuesPerChannel() {
        BatchNorm bn = batchNorm();
        assertEquals(128L, bn.paramCount(Shape.of(32, 32, 64)));
        assertEquals(128L, bn.nonTrainableParamCount(Shape.of(32, 32, 64)));
        assertEquals(1_024L, bn.paramCount(Shape.of(2, 2, 512)));
        assertEquals(20L, bn.paramCount(Shape.of(10)));
        assertEquals(Shape.of(32, 32, 64), bn.outputShape(Shape.of(32, 32, 64)));

        assertEquals(64L, new BatchNorm(0.1, 1e-5, false, true, null).paramCount(Shape.of(8, 8, 64)));
        assertEquals(64L, new BatchNorm(0.1, 1e-5, true, false, null).paramCount(Shape.of(8, 8, 64)));
        assertEquals(0L, new BatchNorm(0.1, 1e-5, false, false, null).paramCount(Shape.of(8, 8, 64)));
        assertEquals(128L, new BatchNorm(0.1, 1e-5, false, false, null).nonTrainableParamCount(Shape.of(8, 8, 64)));
    }

    @Test
    void batchNormDefaultsFollowPyTorch() {
        BatchNorm bn = batchNorm();
        assertEquals(0.1, bn.momentum());
        assertEquals(1e-5, bn.epsilon());
        assertTrue(bn.center() && bn.scale());
        assertTrue(bn.activation().isEmpty());
        assertEquals("BatchNorm(momentum=0.1, epsilon=1.0E-5, center=true, scale=true)", bn.describe());
    }

    @Test
    void batchNormTakesAnActivationAndCountsMovingStatisticsApart() {
        Sequential model = Sequential.of(input(28, 28, 1), conv2d(64, 3).padding(1), batchNorm().relu(), flatten(),
                dense(10));
        ModelSummary s = model.summary();
        assertEquals(List.of("Conv2d-1", "BatchNorm-2", "ReLU-3", "Flatten-4", "Dense-5"),
                s.rows().stream().map(ModelSummary.Row::name).toList());
        assertEquals(128L, s.rows().get(1).params());
        assertEquals(128L, s.rows().get(1).nonTrainableParams());
        long conv = 9L * 64 + 64;
        long dense = 28L * 28 * 64 * 10 + 10;
        assertEquals(conv + 128 + dense, s.trainable());
        assertEquals(128L, s.nonTrainable());
        assertEquals(s.trainable(), s.total());
        assertEquals(s.trainable(), model.trainableParameters());
    }

    @Test
    void invalidBatchNormHyperparameters() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new BatchNorm(0.0, 1e-5, true, true, null));
        assertTrue(zero.getMessage().startsWith("BatchNorm momentum must be in (0, 1], got 0.0"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm(1.5, 1e-5, true, true, null));
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm(Double.NaN, 1e-5, true, true, null));
        assertEquals(1.0, new BatchNorm(1.0, 1e-5, true, true, null).momentum());
        IllegalArgumentException eps = assertThrows(IllegalArgumentException.class,
                () -> new BatchNorm(0.1, 0.0, true, true, null));
        assertTrue(eps.getMessage().startsWith("BatchNorm epsilon must be finite and > 0, got 0.0"), eps.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm(0.1, Double.POSITIVE_INFINITY, true, true,
                null));
        assertThrows(IllegalArgumentException.class, () -> batchNorm().activation(null));
    }
}

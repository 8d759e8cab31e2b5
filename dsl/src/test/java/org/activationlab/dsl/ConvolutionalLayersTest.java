package org.activationlab.dsl;

import static org.activationlab.dsl.Layers.avgPool;
import static org.activationlab.dsl.Layers.conv2d;
import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.flatten;
import static org.activationlab.dsl.Layers.globalAvgPool;
import static org.activationlab.dsl.Layers.input;
import static org.activationlab.dsl.Layers.maxPool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.activationlab.dsl.layers.AvgPool2d;
import org.activationlab.dsl.layers.Conv2d;
import org.activationlab.dsl.layers.Layer;
import org.activationlab.dsl.layers.MaxPool2d;
import org.activationlab.dsl.layers.Padding;
import org.junit.jupiter.api.Test;

/** Shape inference, parameter counts and errors of convolution and pooling layers on NHWC images. */
class ConvolutionalLayersTest {

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected '" + part + "' in: " + message);
        }
    }

    private static Shape out(Shape in, Layer layer) {
        return Sequential.of(input(in.dims()), layer).outputShape();
    }

    @Test
    void validConvolutionShrinksByKernelMinusOne() {
        assertEquals(Shape.of(24, 24, 10), out(Shape.of(28, 28, 1), conv2d(10, 5)));
        assertEquals(Shape.of(30, 26, 4), out(Shape.of(32, 28, 3), new Conv2d(4, 3, 3, 1, 1, Padding.VALID, 0, 0,
                true, null)));
        assertEquals(Shape.of(30, 28, 4), out(Shape.of(32, 32, 3), new Conv2d(4, 3, 5, 1, 1, Padding.VALID, 0, 0,
                true, null)));
    }

    @Test
    void sameConvolutionKeepsSizeAtStrideOneAndRoundsUpAtStrideTwo() {
        assertEquals(Shape.of(28, 28, 8), out(Shape.of(28, 28, 1), conv2d(8, 5).padding(Padding.SAME)));
        assertEquals(Shape.of(14, 14, 8), out(Shape.of(28, 28, 1), conv2d(8, 3).padding(Padding.SAME).stride(2)));
        assertEquals(Shape.of(4, 4, 8), out(Shape.of(7, 7, 1), conv2d(8, 3).padding(Padding.SAME).stride(2)));
        // SAME never fails, even with a kernel larger than the input
        assertEquals(Shape.of(2, 2, 8), out(Shape.of(2, 2, 1), conv2d(8, 5).padding(Padding.SAME)));
    }

    @Test
    void validConvolutionAtStrideTwoRoundsDown() {
        assertEquals(Shape.of(13, 13, 8), out(Shape.of(28, 28, 1), conv2d(8, 3).stride(2)));
        assertEquals(Shape.of(3, 3, 8), out(Shape.of(7, 7, 1), conv2d(8, 3).stride(2)));
    }

    @Test
    void explicitPaddingOneWithThreeByThreeKernelEqualsSameAtStrideOne() {
        Conv2d padded = conv2d(64, 3).padding(1);
        assertEquals(Padding.VALID, padded.padding());
        assertEquals(1, padded.padH());
        assertEquals(1, padded.padW());
        assertEquals(Shape.of(32, 32, 64), out(Shape.of(32, 32, 3), padded));
        assertEquals(out(Shape.of(32, 32, 3), conv2d(64, 3).padding(Padding.SAME)), out(Shape.of(32, 32, 3), padded));
        // PyTorch's formula floor((in + 2p - k) / s) + 1 at stride 2 and with a padding wider than needed
        assertEquals(Shape.of(16, 16, 64), out(Shape.of(32, 32, 3), padded.stride(2)));
        assertEquals(Shape.of(34, 34, 2), out(Shape.of(32, 32, 3), conv2d(2, 1).padding(1)));
        assertEquals(padded.paramCount(Shape.of(32, 32, 3)), conv2d(64, 3).paramCount(Shape.of(32, 32, 3)));
        // switching back to VALID or SAME drops the explicit padding
        assertEquals(0, padded.padding(Padding.SAME).padH());
        assertEquals(Shape.of(30, 30, 64), out(Shape.of(32, 32, 3), padded.padding(Padding.VALID)));
    }

    @Test
    void convolutionParamsAreKernelTimesChannelsTimesFiltersPlusBias() {
        assertEquals(5L * 5 * 1 * 10 + 10, conv2d(10, 5).paramCount(Shape.of(28, 28, 1)));
        assertEquals(3L * 3 * 64 * 128 + 128, conv2d(128, 3).paramCount(Shape.of(16, 16, 64)));
        assertEquals(3L * 3 * 64 * 128, conv2d(128, 3).withBias(false).paramCount(Shape.of(16, 16, 64)));
        assertEquals(0L, conv2d(128, 3).nonTrainableParamCount(Shape.of(16, 16, 64)));
        assertEquals(3L * 5 * 3 * 4 + 4, new Conv2d(4, 3, 5, 1, 1, Padding.VALID, 0, 0, true, null)
                .paramCount(Shape.of(32, 32, 3)));
    }

    @Test
    void withersReturnNewLayersAndKeepTheRest() {
        Conv2d base = conv2d(16, 3);
        Conv2d changed = base.relu().stride(2).padding(Padding.SAME).withBias(false);
        assertEquals(new Conv2d(16, 3, 3, 1, 1, Padding.VALID, 0, 0, true, null), base);
        assertEquals(16, changed.filters());
        assertEquals(2, changed.strideH());
        assertEquals(2, changed.strideW());
        assertEquals(Padding.SAME, changed.padding());
        assertEquals("relu", changed.activation().orElseThrow().name());
        assertEquals("Conv2d(filters=16, kernel=3x3, stride=2x2, padding=SAME, bias=false)", changed.describe());
        assertEquals("Conv2d(filters=64, kernel=3x3, stride=1x1, padding=1x1, bias=true)",
                conv2d(64, 3).padding(1).describe());
        assertEquals(new MaxPool2d(3, 3, 2, 2, Padding.SAME), maxPool(3).stride(2).padding(Padding.SAME));
    }

    @Test
    void poolingDefaultsToStrideEqualToSizeAndValid() {
        assertEquals(new MaxPool2d(2, 2, 2, 2, Padding.VALID), maxPool(2));
        assertEquals(new AvgPool2d(2, 2, 2, 2, Padding.VALID), avgPool(2));
        assertEquals(Shape.of(12, 12, 10), out(Shape.of(24, 24, 10), maxPool(2)));
        assertEquals(Shape.of(2, 2, 20), out(Shape.of(5, 5, 20), maxPool(2)));
        assertEquals(Shape.of(3, 3, 20), out(Shape.of(5, 5, 20), maxPool(2).padding(Padding.SAME)));
        assertEquals(Shape.of(2, 2, 20), out(Shape.of(5, 5, 20), maxPool(3).stride(2)));
        assertEquals(Shape.of(8, 8, 3), out(Shape.of(16, 16, 3), avgPool(2)));
        assertEquals(Shape.of(1, 1, 512), out(Shape.of(1, 1, 512), avgPool(1)));
        assertEquals(0L, maxPool(2).paramCount(Shape.of(24, 24, 10)));
        assertEquals(0L, avgPool(2).paramCount(Shape.of(24, 24, 10)));
    }

    @Test
    void globalAveragePoolingKeepsOnlyTheChannels() {
        Sequential model = Sequential.of(input(7, 7, 32), globalAvgPool(), dense(10));
        assertEquals(Shape.of(32), model.outputShapeOf(0));
        assertEquals(32L * 10 + 10, model.trainableParameters());
        assertEquals(0L, globalAvgPool().paramCount(Shape.of(7, 7, 32)));
    }

    @Test
    void paddingFormulasFollowTensorFlow() {
        assertEquals(12, Padding.VALID.outputSize(28, 5, 2));
        assertEquals(0, Padding.VALID.outputSize(4, 5, 1));
        assertEquals(14, Padding.SAME.outputSize(28, 5, 2));
        assertEquals(10, Padding.SAME.outputSize(28, 1, 3));
    }

    @Test
    void convolutionOnAFlatInputNamesLayerShapeAndFix() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class,
                () -> Sequential.of(input(784), conv2d(10, 5)));
        assertContains(e.getMessage(), "layer 1", "Conv2d(filters=10", "[-1, 784]", "[-1, height, width, channels]",
                "input(28, 28, 1)");

        ModelDefinitionException afterFlatten = assertThrows(ModelDefinitionException.class,
                () -> Sequential.of(input(28, 28, 1), flatten(), maxPool(2)));
        assertContains(afterFlatten.getMessage(), "layer 2", "MaxPool2d", "[-1, 784]", "flatten() after");
    }

    @Test
    void missingChannelDimensionSuggestsAddingIt() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class,
                () -> Sequential.of(input(28, 28), conv2d(10, 5)));
        assertContains(e.getMessage(), "layer 1", "[-1, 28, 28]", "input(28, 28, 1)");
        ModelDefinitionException global = assertThrows(ModelDefinitionException.class,
                () -> Sequential.of(input(10), globalAvgPool()));
        assertContains(global.getMessage(), "layer 1", "GlobalAvgPool2d", "[-1, 10]");
    }

    @Test
    void kernelLargerThanTheInputNamesLayerAndShapes() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class,
                () -> Sequential.of(input(8, 8, 1), maxPool(2), conv2d(20, 5)));
        assertContains(e.getMessage(), "layer 2", "Conv2d(filters=20, kernel=5x5", "[-1, 4, 4, 1]",
                "kernel 5x5 is larger than the 4x4 input", "Padding.SAME");

        ModelDefinitionException pool = assertThrows(ModelDefinitionException.class,
                () -> Sequential.of(input(28, 28, 1), conv2d(4, 5), maxPool(2), maxPool(2), maxPool(2), maxPool(2),
                        maxPool(2)));
        assertContains(pool.getMessage(), "layer 6", "MaxPool2d", "[-1, 1, 1, 4]", "pool 2x2 is larger than the 1x1");

        ModelDefinitionException padded = assertThrows(ModelDefinitionException.class,
                () -> Sequential.of(input(2, 2, 1), conv2d(4, 5).padding(1)));
        assertContains(padded.getMessage(), "layer 1", "padded 4x4 input");
    }

    @Test
    void invalidHyperparametersAreRejectedWithTheirValue() {
        assertEquals("Conv2d filters must be > 0, got 0",
                assertThrows(IllegalArgumentException.class, () -> conv2d(0, 3)).getMessage());
        assertEquals("Conv2d kernel height must be > 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> conv2d(8, -1)).getMessage());
        assertEquals("Conv2d stride height must be > 0, got 0",
                assertThrows(IllegalArgumentException.class, () -> conv2d(8, 3).stride(0)).getMessage());
        assertContains(assertThrows(IllegalArgumentException.class, () -> conv2d(8, 3).padding(-1)).getMessage(),
                "Conv2d explicit padding must be >= 0", "-1x-1");
        assertContains(assertThrows(IllegalArgumentException.class,
                () -> new Conv2d(8, 3, 3, 1, 1, Padding.SAME, 1, 1, true, null)).getMessage(), "SAME");
        assertThrows(IllegalArgumentException.class, () -> conv2d(8, 3).padding((Padding) null));
        assertThrows(IllegalArgumentException.class, () -> conv2d(8, 3).activation(null));
        assertEquals("MaxPool2d pool height must be > 0, got 0",
                assertThrows(IllegalArgumentException.class, () -> maxPool(0)).getMessage());
        assertEquals("AvgPool2d stride width must be > 0, got -2",
                assertThrows(IllegalArgumentException.class, () -> new AvgPool2d(2, 2, 1, -2, Padding.VALID))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> avgPool(2).padding(null));
    }
}

package org.activationlab.dsl.blocks;

import static org.activationlab.dsl.Layers.batchNorm;
import static org.activationlab.dsl.Layers.branch;
import static org.activationlab.dsl.Layers.concat;
import static org.activationlab.dsl.Layers.conv2d;
import static org.activationlab.dsl.Layers.input;
import static org.activationlab.dsl.Layers.maxPool;
import static org.activationlab.dsl.Layers.residual;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.activationlab.dsl.ModelDefinitionException;
import org.activationlab.dsl.ModelSummary;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.Shape;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.dsl.models.PaperModels;
import org.junit.jupiter.api.Test;

class BlocksTest {

    /** SqueezeNet's fire2 on a 55x55x96 input: squeeze 16, expand 64 + 64; torchsummary counts 11,920. */
    private static final Sequential FIRE = Sequential.of(input(55, 55, 96), conv2d(16, 1).relu(),
            concat(branch(conv2d(64, 1).relu()), branch(conv2d(64, 3).padding(1).relu())));

    @Test
    void fireModuleConcatenatesChannelsWithTorchsummaryRowsAndCounts() {
        assertEquals(Shape.of(55, 55, 128), FIRE.outputShape());
        assertEquals(1_552 + 1_088 + 9_280, FIRE.trainableParameters());
        List<String> rows = FIRE.summary().rows().stream().map(ModelSummary.Row::name).toList();
        assertEquals(List.of("Conv2d-1", "ReLU-2", "Conv2d-3", "ReLU-4", "Conv2d-5", "ReLU-6", "Concat-7"), rows);
        ModelSummary.Row concatRow = FIRE.summary().rows().get(6);
        assertEquals(0, concatRow.params());
        assertEquals(Shape.of(55, 55, 128), concatRow.outputShape());
        assertEquals(Shape.of(55, 55, 64), FIRE.summary().rows().get(4).outputShape());
    }

    @Test
    void concatenatedBranchesMustAgreeButForChannels() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class, () -> Sequential.of(
                input(8, 8, 4), concat(branch(conv2d(2, 1)), branch(conv2d(2, 3)))));
        assertTrue(e.getMessage().contains("layer 1 (Concat("), e.getMessage());
        assertTrue(e.getMessage().contains("[-1, 8, 8, 2], [-1, 6, 6, 2]"), e.getMessage());
    }

    @Test
    void identityShortcutNeedsTheBranchToKeepTheShape() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class, () -> Sequential.of(
                input(8, 8, 4), residual(conv2d(8, 3).stride(2).padding(1))));
        assertTrue(e.getMessage().contains("layer 1 (Residual(shortcut=IDENTITY"), e.getMessage());
        assertTrue(e.getMessage().contains("the branch maps [-1, 8, 8, 4] to [-1, 4, 4, 8] but an identity "
                + "shortcut keeps [-1, 8, 8, 4]"), e.getMessage());
    }

    @Test
    void zeroPadShortcutOnlyAddsChannelsAtAStride() {
        Sequential ok = Sequential.of(input(7, 7, 4), residual(conv2d(8, 3).stride(2).padding(1))
                .shortcut(Shortcut.ZERO_PAD));
        assertEquals(Shape.of(4, 4, 8), ok.outputShape());
        assertEquals(3 * 3 * 4 * 8 + 8, ok.trainableParameters());
        ModelDefinitionException fewer = assertThrows(ModelDefinitionException.class, () -> Sequential.of(
                input(8, 8, 4), residual(conv2d(2, 1)).shortcut(Shortcut.ZERO_PAD)));
        assertTrue(fewer.getMessage().contains("can only add channels"), fewer.getMessage());
        ModelDefinitionException odd = assertThrows(ModelDefinitionException.class, () -> Sequential.of(
                input(8, 8, 4), residual(conv2d(8, 3)).shortcut(Shortcut.ZERO_PAD)));
        assertTrue(odd.getMessage().contains("to [-1, 6, 6, 8], which no stride"), odd.getMessage());
    }

    @Test
    void projectionShortcutAddsAConvolutionAndBatchNormRow() {
        Sequential m = Sequential.of(input(8, 8, 4), residual(conv2d(8, 3).stride(2).padding(1).withBias(false),
                batchNorm()).shortcut(Shortcut.PROJECTION).relu());
        List<String> rows = m.summary().rows().stream().map(ModelSummary.Row::name).toList();
        assertEquals(List.of("Conv2d-1", "BatchNorm-2", "Conv2d-3", "BatchNorm-4", "Residual-5", "ReLU-6"), rows);
        assertEquals(3 * 3 * 4 * 8 + 16 + 4 * 8 + 16, m.trainableParameters());
        assertEquals(32, m.summary().nonTrainable());
        assertEquals(Shape.of(4, 4, 8), m.summary().rows().get(2).outputShape());
    }

    @Test
    void anInnerLayerErrorNamesTheBlockAndTheInnerLayer() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class, () -> Sequential.of(
                input(4, 4, 2), residual(maxPool(2), conv2d(2, 5))));
        assertTrue(e.getMessage().contains("layer 1 (Residual("), e.getMessage());
        assertTrue(e.getMessage().contains("branch layer 2 (Conv2d(filters=2, kernel=5x5"), e.getMessage());
        assertTrue(e.getMessage().contains("input shape [-1, 2, 2, 2]"), e.getMessage());
    }

    @Test
    void resNet20HasHeEtAlsParameterCounts() {
        Sequential a = PaperModels.cifar10ResNet20(Activations.relu());
        assertEquals(269_722, a.trainableParameters());
        assertTrue(a.summary().toString().contains("Total params: 269,722"));
        assertEquals(Shape.of(10), a.outputShape());
        assertEquals(272_474, PaperModels.cifar10ResNet20(Activations.relu(), Shortcut.PROJECTION)
                .trainableParameters());
        // one shared PReLU slope per occurrence: stem + 2 per block x 9 blocks
        assertEquals(269_722 + 19, PaperModels.cifar10ResNet20(Activations.prelu()).trainableParameters());
        long blocks = a.summary().rows().stream().filter(r -> r.type().equals("Residual")).count();
        assertEquals(9, blocks);
    }
}

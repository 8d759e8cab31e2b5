package org.activationlab.dsl;

import static org.activationlab.dsl.Layers.activation;
import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.flatten;
import static org.activationlab.dsl.Layers.input;
import static org.activationlab.dsl.Layers.prelu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.activationlab.dsl.activations.PRelu;
import org.activationlab.dsl.layers.Dense;
import org.junit.jupiter.api.Test;

/** Parameter counts and inferred shapes of the MLP paper's model and its activation variants. */
class ParameterCountTest {

    private static Sequential mlp(java.util.function.UnaryOperator<Dense> act) {
        return Sequential.of(input(28, 28, 1), flatten(), act.apply(dense(128)), act.apply(dense(64)),
                dense(10).softmax());
    }

    @Test
    void mlpPaperModelHas109386ParamsSplitPerLayer() {
        Sequential model = Sequential.of(input(28, 28, 1), flatten(), dense(128).relu(), dense(64).relu(),
                dense(10).softmax());
        ModelSummary s = model.summary();

        assertEquals(109_386L, s.total());
        assertEquals(109_386L, s.trainable());
        assertEquals(0L, s.nonTrainable());
        assertEquals(109_386L, model.trainableParameters());

        List<String> names = s.rows().stream().map(ModelSummary.Row::name).toList();
        assertEquals(List.of("Flatten-1", "Dense-2", "ReLU-3", "Dense-4", "ReLU-5", "Dense-6", "Softmax-7"), names);
        List<Long> params = s.rows().stream().map(ModelSummary.Row::params).toList();
        assertEquals(List.of(0L, 100_480L, 0L, 8_256L, 0L, 650L, 0L), params);
        assertTrue(s.rows().stream().allMatch(r -> r.nonTrainableParams() == 0));

        assertEquals(Shape.of(28, 28, 1), model.inputShape());
        assertEquals(Shape.of(784), model.outputShapeOf(0));
        assertEquals(Shape.of(784), model.inputShapeOf(1));
        assertEquals(Shape.of(128), model.outputShapeOf(1));
        assertEquals(Shape.of(10), model.outputShape());
        assertEquals(4, model.layers().size());
    }

    @Test
    void parameterFreeActivationsGiveTheSameTotals() {
        assertEquals(109_386L, mlp(d -> d.leakyRelu(0.01)).summary().total());
        assertEquals(109_386L, mlp(d -> d.leakyRelu()).summary().total());
        assertEquals(109_386L, mlp(Dense::sigmoid).summary().total());
        assertEquals(109_386L, mlp(Dense::tanh).summary().total());
        assertEquals(109_386L, mlp(Dense::elu).summary().total());
        assertEquals(109_386L, mlp(Dense::selu).summary().total());
        assertEquals(109_386L, mlp(Dense::gelu).summary().total());
        assertEquals(109_386L, mlp(Dense::swish).summary().total());
        assertEquals(109_386L, mlp(Dense::mish).summary().total());
        assertEquals(109_386L, mlp(Dense::softplus).summary().total());
        assertEquals(0L, mlp(Dense::sigmoid).summary().nonTrainable());
    }

    @Test
    void sharedPreluAddsOneParamPerPreluRow() {
        ModelSummary s = mlp(Dense::prelu).summary();
        assertEquals(109_386L + 2, s.total());
        assertEquals(109_386L + 2, s.trainable());
        assertEquals(0L, s.nonTrainable());
        List<Long> params = s.rows().stream().map(ModelSummary.Row::params).toList();
        assertEquals(List.of(0L, 100_480L, 1L, 8_256L, 1L, 650L, 0L), params);
        assertEquals("PReLU-3", s.rows().get(2).name());
        assertEquals("PReLU", s.rows().get(2).type());
    }

    @Test
    void perChannelPreluAddsTheChannelCount() {
        ModelSummary s = mlp(d -> d.activation(new PRelu(0.25, true))).summary();
        assertEquals(109_386L + 128 + 64, s.total());
        List<Long> params = s.rows().stream().map(ModelSummary.Row::params).toList();
        assertEquals(List.of(0L, 100_480L, 128L, 8_256L, 64L, 650L, 0L), params);
    }

    @Test
    void standalonePreluCountsSharedOrPerLastDimension() {
        // standalone shared PReLU on an image: one slope
        Sequential shared = Sequential.of(input(28, 28, 3), prelu(), flatten(), dense(10));
        assertEquals(1L + (28 * 28 * 3 * 10 + 10), shared.summary().total());
        // per-channel on NHWC: one slope per channel (last dimension), not per element
        Sequential perChannel = Sequential.of(input(28, 28, 3), activation("prelu:0.25,per_channel=true"), flatten(),
                dense(10));
        assertEquals(3L + (28 * 28 * 3 * 10 + 10), perChannel.summary().total());
        assertEquals(3L, perChannel.summary().rows().get(0).params());
        assertEquals(Shape.of(28, 28, 3), perChannel.outputShapeOf(0));
    }

    @Test
    void denseWithoutBiasHasOnlyWeights() {
        Sequential model = Sequential.of(input(784), dense(128).withBias(false).relu(), dense(10).withBias(false));
        assertEquals(784L * 128 + 128L * 10, model.summary().total());
        assertEquals(new Dense(128, false, null).paramCount(Shape.of(784)), 784L * 128);
    }

    @Test
    void chainingAnActivationReturnsANewLayer() {
        Dense plain = dense(32);
        Dense activated = plain.relu();
        assertNotSame(plain, activated);
        assertTrue(plain.activation().isEmpty());
        assertEquals("relu", activated.activation().orElseThrow().name());
        assertEquals(32, activated.units());
    }

    @Test
    void largeCountsDoNotOverflow() {
        Sequential model = Sequential.of(input(46_341), dense(46_341));
        assertEquals(46_341L * 46_341L + 46_341L, model.summary().total());
    }
}

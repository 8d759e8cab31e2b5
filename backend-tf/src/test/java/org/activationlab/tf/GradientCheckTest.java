package org.activationlab.tf;

import static org.activationlab.dsl.Layers.activation;
import static org.activationlab.dsl.Layers.avgPool;
import static org.activationlab.dsl.Layers.batchNorm;
import static org.activationlab.dsl.Layers.branch;
import static org.activationlab.dsl.Layers.concat;
import static org.activationlab.dsl.Layers.conv2d;
import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.dropout;
import static org.activationlab.dsl.Layers.flatten;
import static org.activationlab.dsl.Layers.globalAvgPool;
import static org.activationlab.dsl.Layers.input;
import static org.activationlab.dsl.Layers.maxPool;
import static org.activationlab.dsl.Layers.relu;
import static org.activationlab.dsl.Layers.residual;
import static org.activationlab.dsl.Layers.spatialDropout;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.activationlab.data.Dataset;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.dsl.blocks.Shortcut;
import org.activationlab.dsl.layers.Padding;
import org.activationlab.tf.optimizers.Sgd;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finite-difference check of the compiled graph: the gradient the training step applies must match the change
 * of the training loss when each weight is nudged, for every activation and every layer the backend supports.
 */
class GradientCheckTest {

    static Stream<Activation> activations() {
        return Stream.of("relu", "leaky_relu:0.01", "sigmoid", "tanh", "elu", "elu:0.5", "selu", "prelu",
                "prelu:0.1,per_channel=true", "softplus", "swish", "mish", "gelu").map(Activations::parse);
    }

    @ParameterizedTest
    @MethodSource("activations")
    void activationGradientsMatchFiniteDifferences(Activation activation) {
        Sequential mlp = Sequential.of(input(6), dense(5).activation(activation), dense(4).activation(activation),
                dense(3).softmax());
        assertChecked(mlp, FiniteDifferences.randomBatch(8, new int[] {6}, 3, 11), activation.spec());
    }

    static Stream<Arguments> layerModels() {
        return Stream.of(
                Arguments.of("conv valid + bias, max pool, relu",
                        Sequential.of(input(6, 6, 2), conv2d(3, 3), maxPool(2), relu(), flatten(),
                                dense(3).softmax())),
                Arguments.of("conv stride 2 same, no bias, avg pool, tanh",
                        Sequential.of(input(7, 7, 2), conv2d(3, 3).stride(2).padding(Padding.SAME).withBias(false)
                                .tanh(), avgPool(2), flatten(), dense(3).softmax())),
                Arguments.of("conv explicit padding 1, global average pool, elu",
                        Sequential.of(input(5, 5, 2), conv2d(4, 3).padding(1).elu(), globalAvgPool(),
                                dense(3).softmax())),
                Arguments.of("spatial dropout and dropout with the step's fixed masks",
                        Sequential.of(input(6, 6, 2), conv2d(4, 3).tanh(), spatialDropout(0.5), flatten(),
                                dense(5).tanh(), dropout(0.3), dense(3).softmax())),
                Arguments.of("batch norm on images and on flat features",
                        Sequential.of(input(5, 5, 2), conv2d(3, 3), batchNorm().tanh(), flatten(), dense(4),
                                batchNorm().elu(), dense(3).softmax())),
                Arguments.of("PReLU shared and per channel after convolutions",
                        Sequential.of(input(5, 5, 2), conv2d(3, 3).activation(Activations.parse("prelu")),
                                conv2d(2, 2), activation("prelu:0.1,per_channel=true"), flatten(), dense(3).softmax())),
                // blocks: a convolution before each, so its gradient sums the branch path and the shortcut path
                Arguments.of("residual block, identity shortcut",
                        Sequential.of(input(5, 5, 2), conv2d(2, 1).tanh(), residual(conv2d(2, 3).padding(1).tanh(),
                                conv2d(2, 3).padding(1)).tanh(), flatten(), dense(3).softmax())),
                Arguments.of("residual block, option-A zero-padding shortcut at stride 2, batch norm",
                        Sequential.of(input(6, 6, 2), conv2d(2, 1).tanh(), residual(conv2d(4, 3).stride(2)
                                .padding(1).withBias(false), batchNorm().tanh(), conv2d(4, 3).padding(1))
                                .shortcut(Shortcut.ZERO_PAD).elu(), flatten(), dense(3).softmax())),
                Arguments.of("residual block, 1x1 projection shortcut with batch norm",
                        Sequential.of(input(5, 5, 2), conv2d(2, 1).tanh(), residual(conv2d(3, 3).stride(2)
                                .padding(1), batchNorm()).shortcut(Shortcut.PROJECTION).tanh(), flatten(),
                                dense(3).softmax())),
                Arguments.of("concatenation of branches (Fire module)",
                        Sequential.of(input(5, 5, 2), conv2d(2, 1).tanh(), concat(branch(conv2d(2, 1).tanh()),
                                branch(conv2d(3, 3).padding(1).elu(), dropout(0.2))), flatten(), dense(3).softmax())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layerModels")
    void layerGradientsMatchFiniteDifferences(String label, Sequential model) {
        int[] shape = model.inputShape().dims();
        assertChecked(model, FiniteDifferences.randomBatch(8, shape, 3, 5), label);
    }

    private static void assertChecked(Sequential model, Dataset batch, String label) {
        try (CompiledModel compiled = ModelCompiler.compile(model, TrainingConfig.of(Sgd.of(0.1), 3))) {
            assertEquals(model.trainableParameters(), FiniteDifferences.check(compiled, batch, label));
        }
    }
}

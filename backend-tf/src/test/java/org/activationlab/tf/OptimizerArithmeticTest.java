package org.activationlab.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.activationlab.tf.optimizers.Adam;
import org.activationlab.tf.optimizers.AdamW;
import org.activationlab.tf.optimizers.Optimizer;
import org.activationlab.tf.optimizers.RmsProp;
import org.activationlab.tf.optimizers.Sgd;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Each optimizer's update ops against hand-computed updates: three steps on the 2-parameter problem
 * {@code L(w) = 0.5 * (w0^2 + 4 * w1^2) + 0.5 * w0 - w1} from {@code w = (1, -1)}, whose gradient is
 * {@code (w0 + 0.5, 4 * w1 - 1)}, so the first gradient is {@code (1.5, -5)}. Expected values follow PyTorch's
 * documented update rules (Adam's epsilon as in TensorFlow's ApplyAdam, see {@link Adam}), computed in double
 * precision; e.g. plain SGD at lr 0.1: {@code (1 - 0.15, -1 + 0.5) = (0.85, -0.5)}, then gradient
 * {@code (1.35, -3)} gives {@code (0.715, -0.2)}.
 */
class OptimizerArithmeticTest {

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of(Sgd.of(0.1), new double[][] {{0.85, -0.5}, {0.715, -0.2}, {0.5935, -0.02}}),
                Arguments.of(new Sgd(0.1, 0.9, false),
                        new double[][] {{0.85, -0.5}, {0.58, 0.25}, {0.229, 0.925}}),
                Arguments.of(new Sgd(0.1, 0.9, true),
                        new double[][] {{0.715, -0.05}, {0.36265, 0.583}, {-0.0090185, 0.79162}}),
                Arguments.of(new Sgd(0.1, 0.9, false, 0.01),
                        new double[][] {{0.849, -0.499}, {0.577351, 0.251999}, {0.224554449, 0.926846501}}),
                Arguments.of(new Adam(0.1, 0.9, 0.999, 1e-8),
                        new double[][] {{0.9, -0.9}, {0.800239098, -0.800303737}, {0.700902919, -0.701155463}}),
                Arguments.of(new AdamW(0.1, 0.9, 0.999, 1e-8, 0.1),
                        new double[][] {{0.89, -0.89}, {0.781370681, -0.78144545}, {0.674307199, -0.674598996}}),
                Arguments.of(RmsProp.defaults(),
                        new double[][] {{0.9, -0.9}, {0.831585121, -0.832110257}, {0.776851505, -0.778083323}}),
                Arguments.of(new RmsProp(0.01, 0.99, 1e-8, 0.5, true, 0.1),
                        new double[][] {{0.899496225, -0.89949622}, {0.780235159, -0.780702114},
                                {0.666731349, -0.668371052}}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void threeStepsMatchHandComputedUpdates(Optimizer optimizer, double[][] expected) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            GraphState state = new GraphState(tf);
            Variable<TFloat32> w = tf.withName("w").variable(org.tensorflow.ndarray.Shape.of(2), TFloat32.class);
            Op init = tf.assign(w, tf.constant(new float[] {1f, -1f}));
            // sum(0.5 * c * w * w + d * w) with c = (1, 4), d = (0.5, -1)
            Operand<TFloat32> loss = tf.sum(tf.math.add(
                    tf.math.mul(tf.constant(new float[] {0.5f, 2f}), tf.math.mul(w, w)),
                    tf.math.mul(tf.constant(new float[] {0.5f, -1f}), w)), tf.constant(0));
            Output<?>[] grad = g.addGradients(loss.asOutput(), new Output<?>[] {w.asOutput()});
            @SuppressWarnings("unchecked")
            Operand<TFloat32> gw = (Operand<TFloat32>) grad[0];
            Parameter p = new Parameter("w", w, new long[] {2}, null, null, new float[] {1f, -1f}, true);
            List<Op> updates = OptimizerUpdates.build(tf, state, optimizer, List.of(p), List.of(gw),
                    tf.constant((float) optimizer.learningRate()));
            try (Session s = new Session(g)) {
                Session.Runner initRunner = s.runner().addTarget(init);
                state.initializers().forEach(initRunner::addTarget);
                try (Result r = initRunner.run()) {
                    // w and the optimizer's slots hold their initial values
                }
                for (int step = 0; step < 3; step++) {
                    Session.Runner runner = s.runner();
                    updates.forEach(runner::addTarget);
                    try (Result r = runner.run()) {
                        // one update
                    }
                    float[] got = new float[2];
                    try (Result r = s.runner().fetch(w).run()) {
                        ((TFloat32) r.get(0)).copyTo(DataBuffers.of(got, false, false));
                    }
                    for (int i = 0; i < 2; i++) {
                        assertEquals(expected[step][i], got[i], 2e-6,
                                optimizer.describe() + " step " + (step + 1) + " w" + i);
                    }
                }
            }
        }
    }
}

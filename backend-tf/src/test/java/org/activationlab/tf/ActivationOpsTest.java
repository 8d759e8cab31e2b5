package org.activationlab.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.dsl.activations.ElementwiseActivation;
import org.activationlab.dsl.activations.Softmax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Acceptance test of the two implementations of every activation: the plain-Java {@code apply}/{@code derivative}
 * of the DSL (double precision) against the TensorFlow graph its registered lowering builds (float32), forward and
 * by TensorFlow's automatic differentiation, on a grid that includes 0, both signed zeros, values near 0 and
 * large magnitudes. Where the two disagree at a kink, the Java side follows TensorFlow's convention, because the
 * backend trains with TensorFlow's gradients.
 */
class ActivationOpsTest {

    /**
     * float32 agreement, relative plus absolute. Measured worst cases on this grid: relative 1.1e-5 for Mish' and
     * 4.8e-6 for Swish' where the derivative is about 1e-3 (several float32 kernels chained, each rounding);
     * absolute 5.4e-7 for tanh'(7.9), where float32 tanh rounds to 1 so TensorFlow's {@code 1 - y*y} is 0, and
     * 2.9e-7 for GELU(-5.3), where float32 {@code 1 + erf(x)} cancels to 0. TensorFlow's Elu kernel also computes
     * {@code exp(x) - 1} rather than {@code expm1} (1.3% off at x = -1e-6, 1.3e-8 absolute) and its EluGrad
     * {@code y + 1} is 0 for x below about -17: both well inside the absolute part.
     */
    private static final double REL = 1e-5;
    private static final double ABS = 1e-6;

    /** Every element-wise activation, with non-default hyperparameters. */
    static Stream<String> elementwise() {
        return Stream.of("relu", "leaky_relu:0.01", "leaky_relu:0.3", "prelu:0.25", "elu:1.0", "elu:0.5", "selu",
                "tanh", "sigmoid", "softplus", "swish", "mish", "gelu", "linear");
    }

    /** Fixed points (0, both signs of zero, near 0, large |x|) and a dense sweep over [-8, 8]. */
    static float[] grid() {
        List<Float> xs = new ArrayList<>(List.of(-100f, -50f, -20f, -10f, -5f, -1f, -0.5f, -1e-3f, -1e-6f, -0f, 0f,
                1e-6f, 1e-3f, 0.5f, 1f, 5f, 10f, 20f, 50f, 100f));
        for (int i = -320; i <= 320; i++) {
            xs.add(i / 40f + 0.0123f); // offset so the sweep does not land on the kink itself
        }
        float[] out = new float[xs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = xs.get(i);
        }
        return out;
    }

    /** f(x) and f'(x) from TensorFlow: y = apply(x), dy/dx = d(sum y)/dx, which is f'(x) element-wise. */
    private static float[][] tensorflow(Activation activation, float[] xs) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(xs.length)));
            // identity: linear returns x itself, and a placeholder cannot be both fed and fetched
            Operand<TFloat32> y = tf.identity(LoweringHarness.activation(tf, activation, x));
            Operand<TFloat32> sum = tf.reduceSum(y, tf.constant(0));
            Output<?>[] dydx = g.addGradients(sum.asOutput(), new Output<?>[] {x.asOutput()});
            float[] fy = new float[xs.length];
            float[] fd = new float[xs.length];
            try (Session s = new Session(g);
                    TFloat32 in = TFloat32.vectorOf(xs);
                    Result r = s.runner().feed(x, in).fetch(y).fetch(dydx[0]).run()) {
                ((TFloat32) r.get(0)).copyTo(DataBuffers.of(fy, false, false));
                ((TFloat32) r.get(1)).copyTo(DataBuffers.of(fd, false, false));
            }
            return new float[][] {fy, fd};
        }
    }

    private static boolean close(double java, float tf) {
        return Math.abs(java - tf) <= ABS + REL * Math.abs(java);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwise")
    void javaValueAndDerivativeMatchTensorFlowForwardAndAutodiff(String spec) {
        ElementwiseActivation f = (ElementwiseActivation) Activations.parse(spec);
        float[] xs = grid();
        float[][] tf = tensorflow(f, xs);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            double y = f.apply(x);
            double d = f.derivative(x);
            if (!Double.isFinite(y) || !Double.isFinite(d) || !Float.isFinite(tf[0][i]) || !Float.isFinite(tf[1][i])) {
                problems.add("not finite at x=" + x + ": Java f=" + y + " f'=" + d + ", TensorFlow f=" + tf[0][i]
                        + " f'=" + tf[1][i]);
                continue;
            }
            if (!close(y, tf[0][i])) {
                problems.add("f(" + x + "): Java " + y + ", TensorFlow " + tf[0][i]);
            }
            if (!close(d, tf[1][i])) {
                problems.add("f'(" + x + "): Java " + d + ", TensorFlow autodiff " + tf[1][i]);
            }
        }
        if (!problems.isEmpty()) {
            fail(spec + " disagrees with TensorFlow at " + problems.size() + " of " + xs.length + " points:\n  "
                    + String.join("\n  ", problems));
        }
    }

    /**
     * At exactly 0 the derivative of a kinked activation is a convention; Java's must be TensorFlow's, to float32
     * rounding, not merely within the grid tolerance.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwise")
    void derivativeAtZeroIsTensorFlowsConvention(String spec) {
        ElementwiseActivation f = (ElementwiseActivation) Activations.parse(spec);
        float[] xs = {0f, -0f};
        float[][] tf = tensorflow(f, xs);
        for (int i = 0; i < xs.length; i++) {
            assertEquals((float) f.derivative(xs[i]), tf[1][i], Math.ulp((float) f.derivative(xs[i])) * 4,
                    spec + "'(" + xs[i] + "): Java derivative (expected) against TensorFlow's gradient");
            assertEquals((float) f.apply(xs[i]), tf[0][i], 0f, spec + "(" + xs[i] + ")");
        }
    }

    /** Every element-wise activation the parser knows is in {@link #elementwise()}, so a new one cannot be missed. */
    @Test
    void everyElementwiseActivationIsCovered() {
        Set<String> tested = elementwise().map(s -> Activations.parse(s).name()).collect(Collectors.toSet());
        for (String name : Activations.catalogue().keySet()) {
            Activation a = Activations.parse(name);
            if (a instanceof ElementwiseActivation) {
                assertTrue(tested.contains(a.name()), name + " is element-wise but not in elementwise()");
            }
        }
    }

    /** The PReLU slope reaches the graph: a different initial slope changes the negative branch accordingly. */
    @Test
    void preluUsesTheSlopeOperand() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> y = LoweringHarness.activation(tf, Activations.parse("prelu:-0.5"),
                    tf.constant(new float[] {-2f, 0f, 3f}));
            float[] out = new float[3];
            try (Session s = new Session(g); Result r = s.runner().fetch(y).run()) {
                ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false));
            }
            assertEquals(1f, out[0]);
            assertEquals(0f, out[1]);
            assertEquals(3f, out[2]);
        }
    }

    static Stream<float[]> logits() {
        return Stream.of(new float[] {0f, 0f, 0f}, new float[] {1f, 2f, 3f}, new float[] {-50f, 0f, 50f},
                new float[] {-1e-3f, 1e-3f, 0f, 20f, -20f}, new float[] {100f, 100f}, new float[] {-100f, -99f, -98f},
                new float[] {5f}, new float[] {0.5f, -0.5f, 1f, -1f, 5f, -5f, 10f, -10f});
    }

    @ParameterizedTest
    @MethodSource("logits")
    void softmaxMatchesJava(float[] logits) {
        double[] in = new double[logits.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = logits[i];
        }
        double[] expected = Softmax.apply(in);
        float[] got = new float[logits.length];
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, logits.length)));
            Operand<TFloat32> y = LoweringHarness.activation(tf, Activations.softmax(), x);
            try (Session s = new Session(g);
                    TFloat32 t = TFloat32.tensorOf(Shape.of(1, logits.length), DataBuffers.of(logits, true, false));
                    Result r = s.runner().feed(x, t).fetch(y).run()) {
                ((TFloat32) r.get(0)).copyTo(DataBuffers.of(got, false, false));
            }
        }
        double total = 0;
        for (int i = 0; i < got.length; i++) {
            assertTrue(Float.isFinite(got[i]), "softmax[" + i + "] = " + got[i]);
            assertTrue(close(expected[i], got[i]), "softmax[" + i + "]: Java " + expected[i] + ", TensorFlow " + got[i]);
            total += got[i];
        }
        assertEquals(1.0, total, 1e-6);
    }
}

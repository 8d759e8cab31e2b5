package org.activationlab.dsl.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values of every {@link ElementwiseActivation} against numbers computed independently (Python's math module),
 * derivatives against central finite differences, and the documented (TensorFlow) convention at kinks.
 */
class ElementwiseActivationMathTest {

    private static final double SCALE = 1.0507009873554805;
    private static final double ALPHA = 1.6732632423543772;
    private static final double E = 2.718281828459045;

    /** Every element-wise activation, with non-default hyperparameters where they exist. */
    private static final List<ElementwiseActivation> ALL = List.of(new Relu(), new LeakyRelu(0.01),
            new LeakyRelu(0.3), new PRelu(0.25, false), new PRelu(-0.5, true), new Elu(1.0), new Elu(0.5), new Selu(),
            new Tanh(), new Sigmoid(), new Linear(), new Gelu(), new Swish(), new Mish(), new Softplus());

    private static void near(double expected, double actual, String what) {
        double tol = 4 * Math.ulp(Math.max(Math.abs(expected), Double.MIN_NORMAL)) + 1e-300;
        assertTrue(Math.abs(expected - actual) <= tol,
                () -> what + ": expected " + expected + " but got " + actual);
    }

    @Test
    void relu() {
        Relu f = new Relu();
        assertEquals(0.0, f.apply(0.0));
        assertEquals(2.5, f.apply(2.5));
        assertEquals(0.0, f.apply(-2.5));
        assertEquals(30.0, f.apply(30.0));
        assertEquals(0.0, f.apply(-30.0));
    }

    @Test
    void leakyRelu() {
        LeakyRelu f = new LeakyRelu(0.01);
        near(-0.02, f.apply(-2.0), "leaky_relu(-2)");
        assertEquals(0.0, f.apply(0.0));
        assertEquals(3.0, f.apply(3.0));
        near(-0.3, f.apply(-30.0), "leaky_relu(-30)");
        near(-0.6, new LeakyRelu(0.3).apply(-2.0), "leaky_relu_0.3(-2)");
        assertEquals(0.0, new LeakyRelu(0.0).apply(-5.0), 0.0); // -0.0 is fine
    }

    @Test
    void preluAtItsInitialSlope() {
        near(-0.5, new PRelu(0.25, false).apply(-2.0), "prelu(-2)");
        assertEquals(2.0, new PRelu(0.25, false).apply(2.0));
        near(1.0, new PRelu(-0.5, true).apply(-2.0), "prelu_-0.5(-2)");
    }

    @Test
    void elu() {
        Elu f = new Elu(1.0);
        near(-0.6321205588285577, f.apply(-1.0), "elu(-1)");
        near(Math.exp(-1) - 1, f.apply(-1.0), "elu(-1) = e^-1 - 1");
        assertEquals(0.0, f.apply(0.0));
        assertEquals(1.5, f.apply(1.5));
        near(-0.9999999999999064, f.apply(-30.0), "elu(-30)");
        near(0.5 * -0.6321205588285577, new Elu(0.5).apply(-1.0), "elu_0.5(-1)");
        // expm1 keeps precision near zero where exp(x) - 1 would cancel
        near(-9.999999999995e-13, f.apply(-1e-12), "elu(-1e-12)");
    }

    @Test
    void selu() {
        Selu f = new Selu();
        assertEquals(SCALE, Selu.SCALE);
        assertEquals(ALPHA, Selu.ALPHA);
        near(-1.1113307378125625, f.apply(-1.0), "selu(-1)");
        near(1.0507009873554805, f.apply(1.0), "selu(1)");
        assertEquals(0.0, f.apply(0.0));
        near(31.521029620664414, f.apply(30.0), "selu(30)");
        near(-1.758099340847212, f.apply(-30.0), "selu(-30)");
    }

    @Test
    void tanh() {
        Tanh f = new Tanh();
        near(0.7615941559557649, f.apply(1.0), "tanh(1)");
        near(-0.7615941559557649, f.apply(-1.0), "tanh(-1)");
        assertEquals(0.0, f.apply(0.0));
        assertEquals(1.0, f.apply(30.0));
        assertEquals(-1.0, f.apply(-30.0));
    }

    @Test
    void sigmoid() {
        Sigmoid f = new Sigmoid();
        near(0.8807970779778823, f.apply(2.0), "sigmoid(2)");
        near(0.11920292202211755, f.apply(-2.0), "sigmoid(-2)");
        assertEquals(0.5, f.apply(0.0));
        near(0.9999999999999065, f.apply(30.0), "sigmoid(30)");
        // the small tail keeps its relative precision: 1 - sigmoid(30) would round to 9.3e-14 of absolute noise
        near(9.3576229688393e-14, f.apply(-30.0), "sigmoid(-30)");
        assertEquals(0.0, f.apply(-1000.0));
        assertEquals(1.0, f.apply(1000.0));
    }

    @Test
    void linear() {
        Linear f = new Linear();
        assertEquals(-30.0, f.apply(-30.0));
        assertEquals(0.0, f.apply(0.0));
        assertEquals(1.0, f.derivative(-7.0));
    }

    @Test
    void gelu() {
        Gelu f = new Gelu();
        near(0.8413447460685429, f.apply(1.0), "gelu(1)");
        near(-0.15865525393145707, f.apply(-1.0), "gelu(-1)");
        assertEquals(0.0, f.apply(0.0));
        near(30.0, f.apply(30.0), "gelu(30)");
        // exact erf form: the tail is tiny but not flushed to zero
        double tail = f.apply(-30.0);
        assertTrue(tail < 0 && Math.abs(tail / -1.4720141781446293e-196 - 1) < 1e-12, "gelu(-30) = " + tail);
    }

    @Test
    void swish() {
        Swish f = new Swish();
        near(0.7310585786300049, f.apply(1.0), "swish(1)");
        near(-0.2689414213699951, f.apply(-1.0), "swish(-1)");
        assertEquals(0.0, f.apply(0.0));
        near(29.999999999997197, f.apply(30.0), "swish(30)");
        near(-2.80728689065179e-12, f.apply(-30.0), "swish(-30)");
    }

    @Test
    void mish() {
        Mish f = new Mish();
        near(0.8650983882673103, f.apply(1.0), "mish(1)");
        near(-0.30340146137410895, f.apply(-1.0), "mish(-1)");
        assertEquals(0.0, f.apply(0.0));
        near(30.0, f.apply(30.0), "mish(30)");
        assertTrue(Math.abs(f.apply(-30.0) / -2.807286890651921e-12 - 1) < 1e-12, "mish(-30) = " + f.apply(-30.0));
        assertEquals(1000.0, f.apply(1000.0));
    }

    @Test
    void softplus() {
        Softplus f = new Softplus();
        near(Math.log(2.0), f.apply(0.0), "softplus(0) = ln 2");
        near(0.6931471805599453, f.apply(0.0), "softplus(0)");
        near(1.3132616875182228, f.apply(1.0), "softplus(1)");
        near(0.31326168751822286, f.apply(-1.0), "softplus(-1)");
        near(30.000000000000092, f.apply(30.0), "softplus(30)");
        near(9.357622968839737e-14, f.apply(-30.0), "softplus(-30)");
        assertEquals(1000.0, f.apply(1000.0)); // log(1 + exp(1000)) would overflow to Infinity
        assertTrue(f.apply(-1000.0) >= 0.0);
    }

    @Test
    void noNanOrInfinityAtLargeMagnitudes() {
        for (ElementwiseActivation f : ALL) {
            for (double x : new double[] {-1e4, -1000, -30, -1e-300, 0.0, -0.0, 1e-300, 30, 1000, 1e4}) {
                double y = f.apply(x);
                double d = f.derivative(x);
                assertTrue(Double.isFinite(y), () -> f.spec() + "(" + x + ") = " + y);
                assertTrue(Double.isFinite(d), () -> f.spec() + "'(" + x + ") = " + d);
            }
        }
    }

    @Test
    void derivativesMatchCentralFiniteDifferencesAwayFromKinks() {
        double h = 1e-6;
        double[] xs = {-4.5, -3.0, -2.0, -1.0, -0.5, -0.1, 0.1, 0.5, 1.0, 2.0, 3.0, 4.5};
        for (ElementwiseActivation f : ALL) {
            for (double x : xs) {
                double numeric = (f.apply(x + h) - f.apply(x - h)) / (2 * h);
                double analytic = f.derivative(x);
                assertTrue(Math.abs(numeric - analytic) <= 1e-6 * Math.abs(analytic),
                        () -> f.spec() + "'(" + x + "): analytic " + analytic + ", finite difference " + numeric);
            }
        }
    }

    @Test
    void smoothActivationsMatchFiniteDifferencesAtZeroToo() {
        double h = 1e-6;
        for (ElementwiseActivation f : List.of(new Tanh(), new Sigmoid(), new Linear(), new Gelu(), new Swish(),
                new Mish(), new Softplus())) {
            double numeric = (f.apply(h) - f.apply(-h)) / (2 * h);
            double analytic = f.derivative(0.0);
            assertTrue(Math.abs(numeric - analytic) <= 1e-6 * Math.abs(analytic),
                    () -> f.spec() + "'(0): analytic " + analytic + ", finite difference " + numeric);
        }
    }

    @Test
    void derivativeValuesAtKnownPoints() {
        assertEquals(0.25, new Sigmoid().derivative(0.0));
        assertEquals(1.0, new Tanh().derivative(0.0));
        assertEquals(0.5, new Gelu().derivative(0.0));
        assertEquals(0.5, new Swish().derivative(0.0));
        assertEquals(0.5, new Softplus().derivative(0.0));
        near(0.6, new Mish().derivative(0.0), "mish'(0) = tanh(ln 2)");
        near(1.0 / E, new Elu(1.0).derivative(-1.0), "elu'(-1) = e^-1");
        near(SCALE * ALPHA / E, new Selu().derivative(-1.0), "selu'(-1)");
        assertEquals(SCALE, new Selu().derivative(2.0));
    }

    /** At a kink, the value TensorFlow's gradient kernels use (ElementwiseActivation#derivative). */
    @Test
    void derivativeConventionAtKinks() {
        assertEquals(0.0, new Relu().derivative(0.0)); // ReluGrad: features > 0
        assertEquals(1.0, new Relu().derivative(1e-300));
        assertEquals(0.0, new Relu().derivative(-1e-300));
        assertEquals(0.01, new LeakyRelu(0.01).derivative(0.0)); // LeakyReluGrad: features > 0 ? 1 : alpha
        assertEquals(0.3, new LeakyRelu(0.3).derivative(0.0));
        assertEquals(1.0, new LeakyRelu(0.01).derivative(1e-300));
        assertEquals(0.25, new PRelu(0.25, false).derivative(0.0)); // same convention as LeakyReLU
        assertEquals(1.0, new Elu(1.0).derivative(0.0)); // EluGrad: activations < 0 ? a + 1 : 1
        assertEquals(0.5, new Elu(0.5).derivative(0.0)); // alpha * elu, as Keras builds ELU with alpha != 1
        // SeluGrad: activations < 0 ? g * (activations + scale * alpha) : g * scale
        assertEquals(SCALE, new Selu().derivative(0.0));
        assertEquals(SCALE, new Selu().derivative(-0.0));
        near(SCALE * ALPHA, new Selu().derivative(-1e-300), "selu'(0-)");
    }
}

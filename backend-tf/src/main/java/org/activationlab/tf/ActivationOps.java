package org.activationlab.tf;

import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Elu;
import org.activationlab.dsl.activations.Gelu;
import org.activationlab.dsl.activations.LeakyRelu;
import org.activationlab.dsl.activations.Linear;
import org.activationlab.dsl.activations.Mish;
import org.activationlab.dsl.activations.PRelu;
import org.activationlab.dsl.activations.Relu;
import org.activationlab.dsl.activations.Selu;
import org.activationlab.dsl.activations.Sigmoid;
import org.activationlab.dsl.activations.Softmax;
import org.activationlab.dsl.activations.Softplus;
import org.activationlab.dsl.activations.Swish;
import org.activationlab.dsl.activations.Tanh;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Activations as TensorFlow ops. Composite activations are written with ops whose gradients TensorFlow's C++
 * registry has (Relu, Elu, Sigmoid, Tanh, Softplus, Erf, Mul, Add, Sub), so no custom gradient is needed.
 */
final class ActivationOps {

    private ActivationOps() {
    }

    /**
     * Applies {@code activation} to {@code x}.
     *
     * @param slope PReLU's slope variable, {@code null} for other activations
     */
    static Operand<TFloat32> apply(Ops tf, Activation activation, Operand<TFloat32> x, Operand<TFloat32> slope) {
        if (activation instanceof Relu) {
            return tf.nn.relu(x);
        } else if (activation instanceof LeakyRelu l) {
            return tf.nn.leakyRelu(x, org.tensorflow.op.nn.LeakyRelu.alpha((float) l.negativeSlope()));
        } else if (activation instanceof PRelu) {
            // relu(x) + a * (x - relu(x)) equals x for x > 0 and a * x otherwise, with slope a at 0 as in PyTorch
            Operand<TFloat32> positive = tf.nn.relu(x);
            return tf.math.add(positive, tf.math.mul(slope, tf.math.sub(x, positive)));
        } else if (activation instanceof Elu e) {
            if (e.alpha() == 1.0) {
                return tf.nn.elu(x);
            }
            // alpha * elu(x) + (1 - alpha) * relu(x) equals x for x > 0 and alpha * (exp(x) - 1) otherwise
            return tf.math.add(tf.math.mul(scalar(tf, e.alpha()), tf.nn.elu(x)),
                    tf.math.mul(scalar(tf, 1.0 - e.alpha()), tf.nn.relu(x)));
        } else if (activation instanceof Selu) {
            return tf.nn.selu(x);
        } else if (activation instanceof Tanh) {
            return tf.math.tanh(x);
        } else if (activation instanceof Sigmoid) {
            return tf.math.sigmoid(x);
        } else if (activation instanceof Softplus) {
            return tf.math.softplus(x);
        } else if (activation instanceof Swish) {
            return tf.math.mul(x, tf.math.sigmoid(x));
        } else if (activation instanceof Mish) {
            return tf.math.mul(x, tf.math.tanh(tf.math.softplus(x)));
        } else if (activation instanceof Gelu) {
            Operand<TFloat32> cdf = tf.math.mul(scalar(tf, 0.5),
                    tf.math.add(scalar(tf, 1.0), tf.math.erf(tf.math.mul(x, scalar(tf, 1.0 / Math.sqrt(2.0))))));
            return tf.math.mul(x, cdf);
        } else if (activation instanceof Softmax) {
            return tf.nn.softmax(x);
        } else if (activation instanceof Linear) {
            return x;
        }
        throw new IllegalArgumentException("the TensorFlow backend has no implementation of " + activation.displayName()
                + "; supported: relu, leaky_relu, prelu, elu, selu, tanh, sigmoid, softplus, swish, mish, gelu, softmax,"
                + " linear");
    }

    private static Operand<TFloat32> scalar(Ops tf, double v) {
        return tf.constant((float) v);
    }
}

package org.activationlab.dsl.activations;

/**
 * An activation applied to each element independently, with its analytic value and derivative in plain Java
 * (used for plots and to check a backend's automatic differentiation).
 */
public interface ElementwiseActivation extends Activation {

    /** f(x). */
    double apply(double x);

    /** f'(x); at a kink, the value TensorFlow's gradient uses (e.g. ReLU'(0) = 0). */
    double derivative(double x);
}

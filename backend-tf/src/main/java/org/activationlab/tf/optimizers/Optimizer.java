package org.activationlab.tf.optimizers;

/** How gradients update the parameters: an immutable description compiled into the training graph. */
public sealed interface Optimizer permits Sgd, Adam {

    /** The step size. */
    double learningRate();

    /** Every hyperparameter, for records and logs, e.g. {@code SGD(lr=0.01, momentum=0.0, nesterov=false)}. */
    String describe();
}

package org.activationlab.tf.optimizers;

/**
 * How gradients update the parameters: an immutable description compiled into the training graph. Sealed, and
 * dispatched through {@link Visitor}: a new optimizer adds a visitor method, so a backend that does not handle it
 * does not compile (rather than compiling and silently training nothing).
 */
public sealed interface Optimizer permits Sgd, Adam, AdamW, RmsProp {

    /** The base step size; a learning-rate schedule scales it per step. */
    double learningRate();

    /** Every hyperparameter, for records and logs, e.g. {@code SGD(lr=0.01, momentum=0.0, nesterov=false)}. */
    String describe();

    /** Calls the visitor's method for this optimizer's type. */
    <R> R accept(Visitor<R> visitor);

    /** One method per optimizer type. */
    interface Visitor<R> {
        R sgd(Sgd sgd);

        R adam(Adam adam);

        R adamW(AdamW adamW);

        R rmsProp(RmsProp rmsProp);
    }
}

package org.activationlab.dsl.activations;

import java.util.Map;
import java.util.stream.Collectors;
import org.activationlab.dsl.Shape;
import org.activationlab.dsl.layers.Initializer;

/**
 * A nonlinearity with its hyperparameters made explicit. Activations are immutable values; a learnable one
 * (such as {@link PRelu}) reports the parameters it owns through {@link #paramCount(Shape)}.
 */
public interface Activation {

    /** The name used on the command line and in record files, e.g. {@code leaky_relu}. */
    String name();

    /** The display type, e.g. {@code LeakyReLU}. */
    String typeName();

    /** Every hyperparameter, in a fixed order, with its value ({@link Double} or {@link Boolean}). */
    Map<String, Object> hyperparameters();

    /** Trainable parameters owned by the activation for an input of the given shape (zero unless learnable). */
    default long paramCount(Shape input) {
        return 0;
    }

    /** Rejects inputs the activation cannot take, e.g. softmax over a non-flat input. */
    default void checkInput(Shape input) {
    }

    /** The weight initializer that suits a layer followed by this activation. */
    Initializer preferredInitializer();

    /** Text that {@link Activations#parse(String)} turns back into an equal activation, e.g. {@code leaky_relu:0.01}. */
    default String spec() {
        if (hyperparameters().isEmpty()) {
            return name();
        }
        return name() + ":" + hyperparameters().entrySet().stream()
                .map(e -> e.getKey() + "=" + Activations.format(e.getValue()))
                .collect(Collectors.joining(","));
    }

    /** A file-name-safe identifier, e.g. {@code leaky_relu-0.01}. */
    default String slug() {
        if (hyperparameters().isEmpty()) {
            return name();
        }
        return name() + "-" + hyperparameters().values().stream().map(Activations::format)
                .collect(Collectors.joining("-"));
    }

    /** Type and hyperparameters, e.g. {@code LeakyReLU(negative_slope=0.01)}. */
    default String displayName() {
        return typeName() + hyperparameters().entrySet().stream()
                .map(e -> e.getKey() + "=" + Activations.format(e.getValue()))
                .collect(Collectors.joining(", ", "(", ")"));
    }
}

package org.activationlab.dsl.layers;

import java.util.Optional;
import org.activationlab.dsl.Shape;
import org.activationlab.dsl.activations.Activation;

/**
 * A fully-connected layer {@code y = x W + b} (PyTorch's {@code Linear}), optionally followed by an activation.
 *
 * @param units output features, > 0
 * @param bias whether to add a bias vector
 * @param fusedActivation the activation applied after, or {@code null} for none
 */
public record Dense(int units, boolean bias, Activation fusedActivation) implements Activatable<Dense> {

    public Dense {
        if (units <= 0) {
            throw new IllegalArgumentException("Dense units must be > 0, got " + units);
        }
    }

    public Dense(int units) {
        this(units, true, null);
    }

    /** The same layer with or without a bias vector. */
    public Dense withBias(boolean bias) {
        return new Dense(units, bias, fusedActivation);
    }

    @Override
    public Dense activation(Activation activation) {
        if (activation == null) {
            throw new IllegalArgumentException("Dense activation must not be null");
        }
        return new Dense(units, bias, activation);
    }

    @Override
    public Optional<Activation> activation() {
        return Optional.ofNullable(fusedActivation);
    }

    @Override
    public String typeName() {
        return "Dense";
    }

    @Override
    public String describe() {
        return "Dense(units=" + units + ", bias=" + bias + ")";
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() != 1) {
            throw new IllegalArgumentException("expects a flat input [-1, features] but got " + input.withBatch()
                    + "; add flatten() before it");
        }
        return Shape.of(units);
    }

    @Override
    public long paramCount(Shape input) {
        return (long) input.last() * units + (bias ? units : 0);
    }
}

package org.activationlab.dsl.activations;

import java.util.Map;
import org.activationlab.dsl.layers.Initializer;

/** Hyperbolic tangent, output in (-1, 1). */
public record Tanh() implements ElementwiseActivation {

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public String typeName() {
        return "Tanh";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return Map.of();
    }

    @Override
    public Initializer preferredInitializer() {
        return Initializer.GLOROT_UNIFORM;
    }

    @Override
    public double apply(double x) {
        return Math.tanh(x);
    }

    @Override
    public double derivative(double x) {
        double t = Math.tanh(x);
        return 1.0 - t * t;
    }
}

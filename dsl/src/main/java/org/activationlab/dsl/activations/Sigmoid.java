package org.activationlab.dsl.activations;

import java.util.Map;
import org.activationlab.dsl.layers.Initializer;

/** Logistic sigmoid {@code 1 / (1 + exp(-x))}; its derivative is at most 0.25 (at 0). */
public record Sigmoid() implements ElementwiseActivation {

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public String typeName() {
        return "Sigmoid";
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
        return Activations.logistic(x);
    }

    @Override
    public double derivative(double x) {
        double s = Activations.logistic(x);
        return s * (1.0 - s);
    }
}

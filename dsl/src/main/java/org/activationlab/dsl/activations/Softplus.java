package org.activationlab.dsl.activations;

import java.util.Map;
import org.activationlab.dsl.layers.Initializer;

/** Softplus {@code log(1 + exp(x))}, a smooth ReLU; its derivative is the sigmoid. */
public record Softplus() implements ElementwiseActivation {

    @Override
    public String name() {
        return "softplus";
    }

    @Override
    public String typeName() {
        return "Softplus";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return Map.of();
    }

    @Override
    public Initializer preferredInitializer() {
        return Initializer.HE_UNIFORM;
    }

    @Override
    public double apply(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Override
    public double derivative(double x) {
        return Activations.logistic(x);
    }
}

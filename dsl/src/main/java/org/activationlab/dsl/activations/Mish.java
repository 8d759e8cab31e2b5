package org.activationlab.dsl.activations;

import java.util.Map;
import org.activationlab.dsl.layers.Initializer;

/** Mish {@code x * tanh(softplus(x))} (Misra 2019). */
public record Mish() implements ElementwiseActivation {

    @Override
    public String name() {
        return "mish";
    }

    @Override
    public String typeName() {
        return "Mish";
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
        return x * Math.tanh(softplus(x));
    }

    @Override
    public double derivative(double x) {
        double t = Math.tanh(softplus(x));
        return t + x * (1.0 - t * t) * Activations.logistic(x);
    }

    private static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }
}

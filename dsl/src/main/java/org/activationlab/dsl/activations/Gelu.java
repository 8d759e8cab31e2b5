package org.activationlab.dsl.activations;

import java.util.Map;
import org.activationlab.dsl.layers.Initializer;

/** GELU {@code x * Phi(x)} with the exact normal CDF (Hendrycks and Gimpel 2016; PyTorch default, not the tanh form). */
public record Gelu() implements ElementwiseActivation {

    @Override
    public String name() {
        return "gelu";
    }

    @Override
    public String typeName() {
        return "GELU";
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
        return x * Activations.normalCdf(x);
    }

    @Override
    public double derivative(double x) {
        return Activations.normalCdf(x) + x * Math.exp(-0.5 * x * x) / Math.sqrt(2.0 * Math.PI);
    }
}

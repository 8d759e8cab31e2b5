package org.activationlab.dsl.activations;

import java.util.Map;
import org.activationlab.dsl.layers.Initializer;

/** Swish/SiLU {@code x * sigmoid(x)} (Ramachandran et al. 2017 with beta 1; PyTorch SiLU, Keras swish). */
public record Swish() implements ElementwiseActivation {

    @Override
    public String name() {
        return "swish";
    }

    @Override
    public String typeName() {
        return "Swish";
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
        return x * Activations.logistic(x);
    }

    @Override
    public double derivative(double x) {
        double s = Activations.logistic(x);
        return s + x * s * (1.0 - s);
    }
}

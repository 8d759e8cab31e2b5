package org.activationlab.dsl.activations;

import java.util.Map;
import org.activationlab.dsl.layers.Initializer;

/** ReLU, {@code max(0, x)}; its derivative at 0 is taken as 0, as TensorFlow does. */
public record Relu() implements ElementwiseActivation {

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public String typeName() {
        return "ReLU";
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
        return x > 0 ? x : 0.0;
    }

    @Override
    public double derivative(double x) {
        return x > 0 ? 1.0 : 0.0;
    }
}

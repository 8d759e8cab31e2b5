package org.activationlab.dsl.activations;

import java.util.Map;
import org.activationlab.dsl.layers.Initializer;

/** The identity: no activation. */
public record Linear() implements ElementwiseActivation {

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public String typeName() {
        return "Linear";
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
        return x;
    }

    @Override
    public double derivative(double x) {
        return 1.0;
    }
}

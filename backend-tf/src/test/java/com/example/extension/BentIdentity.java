package com.example.extension;

import java.util.Map;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.layers.Initializer;

/** An activation the project does not ship: {@code (sqrt(x^2 + 1) - 1) / 2 + x}. */
public record BentIdentity() implements Activation {

    @Override
    public String name() {
        return "bent_identity";
    }

    @Override
    public String typeName() {
        return "BentIdentity";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return Map.of();
    }

    @Override
    public Initializer preferredInitializer() {
        return Initializer.GLOROT_UNIFORM;
    }
}

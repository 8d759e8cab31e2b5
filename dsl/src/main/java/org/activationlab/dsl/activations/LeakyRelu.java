package org.activationlab.dsl.activations;

import java.util.Map;
import org.activationlab.dsl.layers.Initializer;

/**
 * LeakyReLU, {@code x} for {@code x > 0} else {@code negativeSlope * x}. The papers reproduced here use slope
 * 0.01 (PyTorch and DL4J default); Keras defaults to 0.3, so the slope is always explicit. The derivative at 0 is
 * taken as {@code negativeSlope}, as TensorFlow's gradient (LeakyReluGrad: {@code x > 0 ? 1 : alpha}) does.
 */
public record LeakyRelu(double negativeSlope) implements ElementwiseActivation {

    public LeakyRelu {
        if (!(negativeSlope >= 0) || Double.isInfinite(negativeSlope)) {
            throw new IllegalArgumentException("LeakyRelu negative slope must be >= 0 and finite, got " + negativeSlope);
        }
    }

    @Override
    public String name() {
        return "leaky_relu";
    }

    @Override
    public String typeName() {
        return "LeakyReLU";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return Map.of("negative_slope", negativeSlope);
    }

    @Override
    public Initializer preferredInitializer() {
        return Initializer.HE_UNIFORM;
    }

    @Override
    public double apply(double x) {
        return x > 0 ? x : negativeSlope * x;
    }

    @Override
    public double derivative(double x) {
        return x > 0 ? 1.0 : negativeSlope;
    }
}

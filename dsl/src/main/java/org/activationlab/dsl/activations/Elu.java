package org.activationlab.dsl.activations;

import java.util.Map;
import org.activationlab.dsl.layers.Initializer;

/**
 * ELU, {@code x} for {@code x > 0} else {@code alpha * (exp(x) - 1)}; alpha 1.0 as in the papers and every library.
 * The derivative at 0 is taken as {@code alpha} (the left branch), as TensorFlow's gradient does: EluGrad gives 1
 * at 0, and for {@code alpha != 1} the backend builds {@code alpha * elu(x) + (1 - alpha) * relu(x)}, whose
 * gradient at 0 is {@code alpha * 1 + (1 - alpha) * 0} (ReLU'(0) = 0). For alpha 1, ELU is smooth at 0.
 */
public record Elu(double alpha) implements ElementwiseActivation {

    public Elu {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("Elu alpha must be > 0 and finite, got " + alpha);
        }
    }

    @Override
    public String name() {
        return "elu";
    }

    @Override
    public String typeName() {
        return "ELU";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return Map.of("alpha", alpha);
    }

    @Override
    public Initializer preferredInitializer() {
        return Initializer.HE_UNIFORM;
    }

    @Override
    public double apply(double x) {
        return x > 0 ? x : alpha * Math.expm1(x);
    }

    @Override
    public double derivative(double x) {
        return x > 0 ? 1.0 : alpha * Math.exp(x);
    }
}

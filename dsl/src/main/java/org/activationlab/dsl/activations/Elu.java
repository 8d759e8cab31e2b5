package org.activationlab.dsl.activations;

import java.util.Map;
import org.activationlab.dsl.layers.Initializer;

/** ELU, {@code x} for {@code x > 0} else {@code alpha * (exp(x) - 1)}; alpha 1.0 as in the papers and every library. */
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

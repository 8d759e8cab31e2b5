package org.activationlab.dsl.activations;

import java.util.LinkedHashMap;
import java.util.Map;
import org.activationlab.dsl.layers.Initializer;

/**
 * SELU, {@code scale * elu(x, alpha)} with the self-normalising constants of Klambauer et al. (2017), which are
 * fixed (not hyperparameters to tune) but printed for clarity. The derivative at 0 (and -0) is taken as
 * {@code SCALE} (the right branch), as TensorFlow's gradient does: SeluGrad takes the negative branch only for
 * activations {@code < 0}.
 */
public record Selu() implements ElementwiseActivation {

    /** lambda of Klambauer et al. */
    public static final double SCALE = 1.0507009873554804934193349852946;
    /** alpha of Klambauer et al. */
    public static final double ALPHA = 1.6732632423543772848170429916717;

    @Override
    public String name() {
        return "selu";
    }

    @Override
    public String typeName() {
        return "SELU";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("scale", SCALE);
        h.put("alpha", ALPHA);
        return h;
    }

    /** The constants are fixed, so the spec is the bare name. */
    @Override
    public String spec() {
        return name();
    }

    @Override
    public String slug() {
        return name();
    }

    @Override
    public Initializer preferredInitializer() {
        return Initializer.LECUN_UNIFORM;
    }

    @Override
    public double apply(double x) {
        return x > 0 ? SCALE * x : SCALE * ALPHA * Math.expm1(x);
    }

    @Override
    public double derivative(double x) {
        // at 0, SCALE: TensorFlow's SeluGrad takes the negative branch only for activations < 0
        return x >= 0 ? SCALE : SCALE * ALPHA * Math.exp(x);
    }
}

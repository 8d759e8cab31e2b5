package org.activationlab.dsl.activations;

import java.util.LinkedHashMap;
import java.util.Map;
import org.activationlab.dsl.Shape;
import org.activationlab.dsl.layers.Initializer;

/**
 * Parametric ReLU (He et al. 2015): {@code x} for {@code x > 0} else {@code a * x} with a learnable slope
 * {@code a}. Defaults follow PyTorch and the CNN paper: one slope shared by all units, initialised to 0.25.
 * With {@code perChannel} there is one slope per channel (last dimension). Keras instead learns one slope per
 * element, initialised to 0. The derivative at 0 is taken as the slope, as TensorFlow's gradient of the backend's
 * {@code relu(x) + a * (x - relu(x))} does (ReLU'(0) = 0).
 *
 * @param init the initial slope
 * @param perChannel one slope per channel instead of one shared slope
 */
public record PRelu(double init, boolean perChannel) implements ElementwiseActivation {

    public PRelu {
        if (!Double.isFinite(init)) {
            throw new IllegalArgumentException("PRelu initial slope must be finite, got " + init);
        }
    }

    @Override
    public String name() {
        return "prelu";
    }

    @Override
    public String typeName() {
        return "PReLU";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("init", init);
        h.put("per_channel", perChannel);
        return h;
    }

    @Override
    public long paramCount(Shape input) {
        return perChannel ? input.last() : 1;
    }

    @Override
    public Initializer preferredInitializer() {
        return Initializer.HE_UNIFORM;
    }

    /** f(x) with the slope at its initial value. */
    @Override
    public double apply(double x) {
        return x > 0 ? x : init * x;
    }

    /** f'(x) with the slope at its initial value. */
    @Override
    public double derivative(double x) {
        return x > 0 ? 1.0 : init;
    }
}

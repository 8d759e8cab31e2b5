package org.activationlab.tf.probes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the gradient-dynamics probes measured on a fixed probe batch at one point of training, all in one graph
 * run in training mode (the forward pass and gradient the training step uses, without an update).
 *
 * @param epoch 0 at initialisation, else the number of epochs completed
 * @param loss the mean training loss on the probe batch
 * @param gradientNorms the L2 (Frobenius) norm of the loss gradient with respect to every trainable tensor, by
 *     name ({@code dense_1/kernel}, {@code dense_1/bias}, ...), in layer order
 * @param units the unit activity of every hidden activation (the output layer's softmax excluded), in layer order
 * @param seconds wall time of the probe: its graph run and reading the scalars back
 */
public record ProbeStats(int epoch, double loss, Map<String, Double> gradientNorms, List<UnitActivity> units,
        double seconds) {

    public ProbeStats {
        if (epoch < 0) {
            throw new IllegalArgumentException("probe epoch must be >= 0, got " + epoch);
        }
        gradientNorms = Collections.unmodifiableMap(new LinkedHashMap<>(gradientNorms));
        units = List.copyOf(units);
    }

    /** The gradient norm of the named tensor. */
    public double gradientNorm(String parameter) {
        Double norm = gradientNorms.get(parameter);
        if (norm == null) {
            throw new IllegalArgumentException("no trainable tensor named '" + parameter + "'; the probe has "
                    + gradientNorms.keySet());
        }
        return norm;
    }
}

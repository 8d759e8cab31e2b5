package org.activationlab.study.records;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.activationlab.dsl.activations.Activation;

/**
 * The activation a run used, in every form a reader needs.
 *
 * @param name the command-line name, e.g. {@code leaky_relu}
 * @param spec text that {@code Activations.parse} turns back into the activation, e.g.
 *     {@code leaky_relu:negative_slope=0.01}
 * @param display type and hyperparameters, e.g. {@code LeakyReLU(negative_slope=0.01)}
 * @param hyperparameters every hyperparameter with its value (a number or a boolean)
 */
public record ActivationInfo(String name, String spec, String display, Map<String, Object> hyperparameters) {

    public ActivationInfo {
        Objects.requireNonNull(name, "activation name must not be null");
        Objects.requireNonNull(spec, "activation spec must not be null");
        Objects.requireNonNull(display, "activation display must not be null");
        hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(hyperparameters, "activation hyperparameters must not be null")));
    }

    /** Describes the given activation. */
    public static ActivationInfo of(Activation a) {
        return new ActivationInfo(a.name(), a.spec(), a.displayName(), a.hyperparameters());
    }
}

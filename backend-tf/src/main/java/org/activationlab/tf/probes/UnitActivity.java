package org.activationlab.tf.probes;

/**
 * How many units of one activation layer were inactive on a whole probe batch. A unit is one output feature of a
 * dense layer, or one channel of a convolution (all its positions together).
 *
 * @param layer the layer whose activation this is, e.g. {@code dense_1} or {@code relu_2}
 * @param activation the activation as {@code Activation.displayName()} prints it, e.g. {@code LeakyReLU(0.01)}
 * @param units number of units
 * @param deadFraction fraction of units whose output was exactly 0 on every example (and position): for ReLU,
 *     units that get no gradient from this batch and so cannot learn from it
 * @param negativeFraction fraction of units whose pre-activation was {@code <= 0} on every example: the units ReLU
 *     would have killed; LeakyReLU, PReLU and ELU still pass a gradient through them
 */
public record UnitActivity(String layer, String activation, int units, double deadFraction,
        double negativeFraction) {

    public UnitActivity {
        if (units <= 0) {
            throw new IllegalArgumentException("a layer's unit count must be > 0, got " + units);
        }
        checkFraction("dead", deadFraction);
        checkFraction("negative", negativeFraction);
    }

    private static void checkFraction(String what, double f) {
        if (!(f >= 0 && f <= 1) && !Double.isNaN(f)) {
            throw new IllegalArgumentException(what + " unit fraction must be in [0, 1] (or NaN), got " + f);
        }
    }
}

package org.activationlab.study.records;

import java.util.List;
import java.util.Objects;

/**
 * The gradient-dynamics probes at one point of a run, as the backend's {@code ProbeStats} measured them on the run's fixed probe
 * batch.
 *
 * @param epoch 0 at initialisation, else the number of epochs completed
 * @param loss mean training loss on the probe batch
 * @param gradientNorms L2 norm of the loss gradient of every trainable tensor, in layer order
 * @param units dead and negative unit fractions of every hidden activation, in layer order
 */
public record ProbeRecord(int epoch, double loss, List<GradientNorm> gradientNorms, List<UnitRecord> units) {

    /** The L2 norm of the gradient of one trainable tensor, e.g. {@code dense_3/kernel}. */
    public record GradientNorm(String parameter, double norm) {
    }

    /** One hidden activation's unit activity; the fields mean what they mean in {@code UnitActivity}. */
    public record UnitRecord(String layer, int units, double deadFraction, double negativeFraction) {

        public UnitRecord {
            RunRecord.unitInterval("probes.units.dead_fraction of " + layer, deadFraction);
            RunRecord.unitInterval("probes.units.negative_fraction of " + layer, negativeFraction);
        }
    }

    public ProbeRecord {
        gradientNorms = List.copyOf(Objects.requireNonNull(gradientNorms, "probe gradient norms must not be null"));
        units = List.copyOf(Objects.requireNonNull(units, "probe units must not be null"));
    }

    /** The gradient norms of the kernels (weight matrices), input side first. */
    public double[] kernelNorms() {
        return gradientNorms.stream().filter(g -> g.parameter().endsWith("/kernel")).mapToDouble(GradientNorm::norm)
                .toArray();
    }
}

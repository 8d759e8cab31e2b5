package org.activationlab.tf.training;

import java.util.List;

/**
 * DAWNBench's time to accuracy read from a history: the first epoch whose accuracy on the set evaluated after
 * each epoch reaches the threshold, and the training time until the end of that epoch. Evaluation passes are
 * excluded from the time, so the figure measures training alone.
 *
 * @param threshold the accuracy to reach, in (0, 1]
 * @param epoch the first epoch reaching it, 0 if none did
 * @param trainSeconds sum of the training-step wall times of epochs 1..{@code epoch}; NaN if not reached
 */
public record TimeToAccuracy(double threshold, int epoch, double trainSeconds) {

    public TimeToAccuracy {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("accuracy threshold must be in (0, 1], got " + threshold
                    + "; write 98% as 0.98");
        }
    }

    /** Reads the threshold epoch from the per-epoch evaluation accuracies of {@code epochs}. */
    public static TimeToAccuracy of(List<EpochStats> epochs, double threshold) {
        double seconds = 0;
        for (EpochStats e : epochs) {
            seconds += e.trainSeconds();
            if (e.valAccuracy() >= threshold) {
                return new TimeToAccuracy(threshold, e.epoch(), seconds);
            }
        }
        return new TimeToAccuracy(threshold, 0, Double.NaN);
    }

    /** Whether some epoch reached the threshold. */
    public boolean reached() {
        return epoch > 0;
    }
}

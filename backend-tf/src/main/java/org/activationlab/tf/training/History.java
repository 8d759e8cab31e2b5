package org.activationlab.tf.training;

import java.util.List;
import org.activationlab.tf.probes.ProbeStats;

/**
 * The per-epoch record of one {@code fit}.
 *
 * @param epochs one entry per completed epoch
 * @param stopReason why training ended before the requested epochs, or {@code null} if it ran them all
 * @param divergedEpoch the epoch whose loss became NaN or infinite, or 0 if none did
 * @param probes the gradient-dynamics probes at initialisation and after every epoch, if {@code fit} was asked for
 *     them ({@link FitOptions#probeSize()}), else empty
 */
public record History(List<EpochStats> epochs, String stopReason, int divergedEpoch, List<ProbeStats> probes) {

    public History {
        epochs = List.copyOf(epochs);
        probes = List.copyOf(probes);
    }

    public boolean diverged() {
        return divergedEpoch > 0;
    }

    /** Sum of the epochs' training-step wall times, evaluation excluded. */
    public double trainSeconds() {
        return epochs.stream().mapToDouble(EpochStats::trainSeconds).sum();
    }

    /**
     * The first epoch whose evaluation accuracy (the set passed as {@code validation} to {@code fit}) reaches
     * {@code threshold}, and the training time until then.
     */
    public TimeToAccuracy timeToAccuracy(double threshold) {
        return TimeToAccuracy.of(epochs, threshold);
    }

    public EpochStats last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("no epoch completed");
        }
        return epochs.get(epochs.size() - 1);
    }
}

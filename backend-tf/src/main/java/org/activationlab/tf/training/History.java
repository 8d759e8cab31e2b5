package org.activationlab.tf.training;

import java.util.List;

/**
 * The per-epoch record of one {@code fit}.
 *
 * @param epochs one entry per completed epoch
 * @param stopReason why training ended before the requested epochs, or {@code null} if it ran them all
 * @param divergedEpoch the epoch whose loss became NaN or infinite, or 0 if none did
 */
public record History(List<EpochStats> epochs, String stopReason, int divergedEpoch) {

    public History {
        epochs = List.copyOf(epochs);
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

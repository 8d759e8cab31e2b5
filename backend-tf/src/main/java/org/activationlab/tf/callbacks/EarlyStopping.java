package org.activationlab.tf.callbacks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.training.EpochStats;
import org.activationlab.tf.training.History;

/**
 * Stops training when a monitored quantity has stopped improving, as Keras's {@code EarlyStopping}: an epoch
 * improves on the best so far if it beats it by more than {@code minDelta}; after {@code patience} epochs in a
 * row without improvement training stops. With {@code restoreBestWeights} the weights and batch-norm buffers of
 * the best epoch are put back when training ends, whether this callback stopped it or the epochs ran out (Keras
 * restores only when it stopped training). Defaults as Keras: monitor {@code val_loss}, mode from the monitor,
 * patience 0, min delta 0, no restoring. Build with {@link #builder()}; one instance per {@code fit}. A {@code fit}
 * that resumes an interrupted run replays the epochs before it ({@link #onResume}), so the resumed run stops where
 * the uninterrupted one would have (Keras's {@code BackupAndRestore} starts early stopping afresh).
 */
public final class EarlyStopping implements Callback {

    private final Monitor monitor;
    private final boolean higherIsBetter;
    private final int patience;
    private final double minDelta;
    private final boolean restoreBestWeights;
    private CompiledModel model;
    private double best;
    private int bestEpoch;
    private int wait;
    private Map<String, float[]> bestWeights;

    private EarlyStopping(Builder b) {
        this.monitor = b.monitor;
        this.higherIsBetter = b.higherIsBetter != null ? b.higherIsBetter : b.monitor.higherIsBetter();
        this.patience = b.patience;
        this.minDelta = b.minDelta;
        this.restoreBestWeights = b.restoreBestWeights;
    }

    /** A builder with Keras's defaults: {@code val_loss}, patience 0, min delta 0, no restoring. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void onTrainBegin(CompiledModel compiled) {
        this.model = compiled;
        best = higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        bestEpoch = 0;
        wait = 0;
        bestWeights = null;
    }

    /**
     * Replays the epochs trained before an interruption, so that patience and the best value carry on as if the run
     * had not stopped, and stops at once if a stop was due in them. With {@code restoreBestWeights} the checkpoint
     * holds the best weights only if its epoch is the best so far; if not, a later improvement replaces them, and
     * otherwise training ends with an error rather than with the wrong weights.
     *
     * @throws IllegalStateException if a stop is due at once but the best weights are an earlier epoch's
     */
    @Override
    public void onResume(History trained, TrainingControl control) {
        for (EpochStats e : trained.epochs()) {
            if (!observe(e, " of the resumed history") && wait >= patience) {
                requireBestWeights();
                control.stop(stopReason());
                return;
            }
        }
        if (restoreBestWeights && bestEpoch > 0 && bestEpoch == trained.last().epoch()) {
            bestWeights = snapshot();
        }
    }

    @Override
    public void onEpochEnd(EpochStats stats, TrainingControl control) {
        if (observe(stats, "; pass a validation set to fit or monitor " + Monitor.LOSS.key())) {
            if (restoreBestWeights) {
                bestWeights = snapshot();
            }
        } else if (wait >= patience) {
            control.stop(stopReason());
        }
    }

    /**
     * Puts the best epoch's weights back.
     *
     * @throws IllegalStateException if they are those of an epoch before the checkpoint a resumed run started from
     */
    @Override
    public void onTrainEnd() {
        requireBestWeights();
        if (restoreBestWeights && bestWeights != null) {
            model.setWeights(bestWeights);
        }
    }

    private void requireBestWeights() {
        if (restoreBestWeights && bestEpoch > 0 && bestWeights == null) {
            throw new IllegalStateException("EarlyStopping cannot put the best weights back: the best epoch is "
                    + bestEpoch + " (" + monitor.key() + " " + best + "), trained before the checkpoint this run"
                    + " resumed from, which holds a later epoch's weights; resume without restoreBestWeights, or"
                    + " from epoch " + bestEpoch + "'s checkpoint");
        }
    }

    /** Takes in one epoch's monitored value; true if it improved on the best so far. */
    private boolean observe(EpochStats stats, String hint) {
        double value = monitor.of(stats);
        if (Double.isNaN(value)) {
            throw new IllegalStateException("EarlyStopping monitors " + monitor.key() + ", which is NaN in epoch "
                    + stats.epoch() + hint);
        }
        boolean improved = higherIsBetter ? value - minDelta > best : value + minDelta < best;
        if (improved) {
            best = value;
            bestEpoch = stats.epoch();
            wait = 0;
        } else {
            wait++;
        }
        return improved;
    }

    private Map<String, float[]> snapshot() {
        Map<String, float[]> weights = new LinkedHashMap<>(model.weights());
        weights.putAll(model.buffers());
        return weights;
    }

    private String stopReason() {
        return String.format(Locale.ROOT, "early stopping: %s did not improve by more than %s for %d epoch(s); best"
                + " %s in epoch %d", monitor.key(), minDelta, wait, best, bestEpoch);
    }

    /** The epoch with the best monitored value so far (1-based), 0 before any. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The best monitored value so far. */
    public double best() {
        return best;
    }

    /** Options of {@link EarlyStopping}, with Keras's defaults. */
    public static final class Builder {
        private Monitor monitor = Monitor.VAL_LOSS;
        private Boolean higherIsBetter;
        private int patience;
        private double minDelta;
        private boolean restoreBestWeights;

        private Builder() {
        }

        /** The quantity watched (default {@code val_loss}). */
        public Builder monitor(Monitor monitor) {
            if (monitor == null) {
                throw new IllegalArgumentException("EarlyStopping monitor must not be null");
            }
            this.monitor = monitor;
            return this;
        }

        /** Keras's {@code mode="max"} ({@code true}) or {@code "min"}; by default from the monitor. */
        public Builder higherIsBetter(boolean higherIsBetter) {
            this.higherIsBetter = higherIsBetter;
            return this;
        }

        /** Epochs without improvement before stopping, >= 0 (default 0: stop at the first). */
        public Builder patience(int patience) {
            if (patience < 0) {
                throw new IllegalArgumentException("EarlyStopping patience must be >= 0 epochs, got " + patience);
            }
            this.patience = patience;
            return this;
        }

        /** The smallest change that counts as an improvement, >= 0 (default 0). */
        public Builder minDelta(double minDelta) {
            if (!(minDelta >= 0) || !Double.isFinite(minDelta)) {
                throw new IllegalArgumentException("EarlyStopping min delta must be >= 0 and finite, got " + minDelta);
            }
            this.minDelta = minDelta;
            return this;
        }

        /** Put the best epoch's weights back when training ends (default false). */
        public Builder restoreBestWeights(boolean restore) {
            this.restoreBestWeights = restore;
            return this;
        }

        public EarlyStopping build() {
            return new EarlyStopping(this);
        }
    }
}

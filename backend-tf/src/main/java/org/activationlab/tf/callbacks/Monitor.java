package org.activationlab.tf.callbacks;

import org.activationlab.tf.training.EpochStats;

/** A per-epoch quantity a callback watches, by its Keras name. */
public enum Monitor {
    /** Training loss ({@code loss}). */
    LOSS("loss", false),
    /** Training accuracy ({@code accuracy}). */
    ACCURACY("accuracy", true),
    /** Validation loss ({@code val_loss}); needs a validation set. */
    VAL_LOSS("val_loss", false),
    /** Validation accuracy ({@code val_accuracy}); needs a validation set. */
    VAL_ACCURACY("val_accuracy", true);

    private final String key;
    private final boolean higherIsBetter;

    Monitor(String key, boolean higherIsBetter) {
        this.key = key;
        this.higherIsBetter = higherIsBetter;
    }

    /** The Keras log key, e.g. {@code val_loss}. */
    public String key() {
        return key;
    }

    /** Whether larger values are improvements (Keras's {@code mode="auto"}: accuracies up, losses down). */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The value in {@code stats}; NaN for a validation quantity when there was no validation set. */
    public double of(EpochStats stats) {
        return switch (this) {
            case LOSS -> stats.trainLoss();
            case ACCURACY -> stats.trainAccuracy();
            case VAL_LOSS -> stats.valLoss();
            case VAL_ACCURACY -> stats.valAccuracy();
        };
    }
}

package org.activationlab.tf.callbacks;

import org.activationlab.tf.training.EpochStats;

/** Hooks into {@code fit}, e.g. to log, checkpoint or stop early. */
public interface Callback {

    /** Called after each epoch, after validation; call {@link TrainingControl#stop(String)} to end training. */
    default void onEpochEnd(EpochStats stats, TrainingControl control) {
    }

    /** Called once when training ends, normally or early. */
    default void onTrainEnd() {
    }
}

package org.activationlab.tf.callbacks;

import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.probes.ProbeStats;
import org.activationlab.tf.training.EpochStats;
import org.activationlab.tf.training.History;

/** Hooks into {@code fit}, e.g. to log, checkpoint or stop early; a lambda works for per-epoch hooks. */
@FunctionalInterface
public interface Callback {

    /** Called once before the first epoch with the model being trained (to read or restore its weights). */
    default void onTrainBegin(CompiledModel model) {
    }

    /**
     * Called once after {@link #onTrainBegin} when {@code fit} continues an interrupted run
     * ({@code FitOptions.Builder.resumeFrom}), with the epochs trained before: a callback that keeps state across
     * epochs rebuilds it from them, so that the resumed run behaves as the uninterrupted one would have; calling
     * {@link TrainingControl#stop(String)} ends training before another epoch.
     */
    default void onResume(History trained, TrainingControl control) {
    }

    /** Called after each epoch, after validation; call {@link TrainingControl#stop(String)} to end training. */
    void onEpochEnd(EpochStats stats, TrainingControl control);

    /**
     * Called with each probe measurement (at initialisation and after every epoch, before
     * {@link #onEpochEnd}) when {@code fit} runs probes.
     */
    default void onProbe(ProbeStats probe) {
    }

    /** Called once when training ends, normally or early. */
    default void onTrainEnd() {
    }
}

package org.activationlab.tf.training;

/**
 * Observes {@code fit} as it runs, e.g. to draw a progress bar; every method is optional. Unlike a
 * {@link org.activationlab.tf.callbacks.Callback} it cannot stop training. The backend ships no listener that
 * prints: the command line supplies its own.
 */
public interface TrainingListener {

    /** Before the first epoch. */
    default void onTrainBegin(int epochs, int stepsPerEpoch) {
    }

    /** Before the first step of {@code epoch} (1-based). */
    default void onEpochBegin(int epoch) {
    }

    /**
     * After every training step ({@code step} is 1-based within the epoch). Reading {@code running} costs a graph
     * run, so read it only when showing it.
     */
    default void onStep(int epoch, int step, RunningMetrics running) {
    }

    /** After the epoch's validation. */
    default void onEpochEnd(EpochStats stats) {
    }

    /** Once, when training ends normally, early or by divergence. */
    default void onTrainEnd(History history) {
    }
}

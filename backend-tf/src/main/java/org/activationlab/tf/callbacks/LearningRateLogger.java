package org.activationlab.tf.callbacks;

import java.util.Locale;
import java.util.function.Consumer;
import org.activationlab.tf.training.EpochStats;

/**
 * Reports each epoch's learning rate (the rate of its first step, as the schedule computed it in the graph), e.g.
 * {@code epoch 3: learning rate 0.01}, as Keras's {@code LearningRateScheduler(verbose=1)} prints it.
 */
public final class LearningRateLogger implements Callback {

    private final Consumer<String> out;

    public LearningRateLogger(Consumer<String> out) {
        if (out == null) {
            throw new IllegalArgumentException("LearningRateLogger output must not be null; e.g. System.out::println");
        }
        this.out = out;
    }

    @Override
    public void onEpochEnd(EpochStats stats, TrainingControl control) {
        out.accept(String.format(Locale.ROOT, "epoch %d: learning rate %s", stats.epoch(),
                (float) stats.learningRate()));
    }
}

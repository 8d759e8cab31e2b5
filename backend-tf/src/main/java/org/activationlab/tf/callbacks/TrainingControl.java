package org.activationlab.tf.callbacks;

/** Lets a {@link Callback} end training after the current epoch. */
public interface TrainingControl {

    /** Ends training after this epoch; the reason is kept in the history. */
    void stop(String reason);
}

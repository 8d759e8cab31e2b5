package org.activationlab.tf.training;

/** The epoch's mean training loss and accuracy so far, accumulated in the graph and read on demand. */
public interface RunningMetrics {

    /** Mean cross-entropy of the epoch's steps so far. */
    double loss();

    /** Fraction of the epoch's examples so far classified correctly. */
    double accuracy();
}

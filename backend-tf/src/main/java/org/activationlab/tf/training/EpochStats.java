package org.activationlab.tf.training;

/**
 * What one epoch of training measured. Training loss and accuracy are running means over the epoch's batches,
 * as Keras reports them. Validation fields are NaN when no validation set was given.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean cross-entropy over the epoch's training examples
 * @param trainAccuracy fraction of the epoch's training examples classified correctly while training
 * @param valLoss validation loss after the epoch
 * @param valAccuracy validation accuracy after the epoch
 * @param trainSeconds wall time of the epoch's training steps only
 * @param evalSeconds wall time of the validation pass
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy,
        double trainSeconds, double evalSeconds) {

    /** Whether the training loss is NaN or infinite. */
    public boolean diverged() {
        return !Double.isFinite(trainLoss);
    }
}

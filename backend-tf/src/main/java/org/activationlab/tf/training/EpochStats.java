package org.activationlab.tf.training;

/**
 * One epoch of training. Training loss and accuracy are averaged over the examples seen during the epoch's batches,
 * as Keras reports them. Validation fields are NaN when no validation set was given.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean cross-entropy over the epoch's training examples (with label smoothing if configured)
 * @param trainAccuracy fraction of the epoch's training examples classified correctly while training
 * @param valLoss validation loss after the epoch
 * @param valAccuracy validation accuracy after the epoch
 * @param trainSeconds wall time of the epoch's training steps only
 * @param evalSeconds wall time of the validation pass
 * @param learningRate the learning rate of the epoch's first step, as the schedule computed it; NaN if unknown
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy,
        double trainSeconds, double evalSeconds, double learningRate) {

    /** An epoch whose learning rate was not recorded. */
    public EpochStats(int epoch, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy,
            double trainSeconds, double evalSeconds) {
        this(epoch, trainLoss, trainAccuracy, valLoss, valAccuracy, trainSeconds, evalSeconds, Double.NaN);
    }

    /** Whether the training loss is NaN or infinite. */
    public boolean diverged() {
        return !Double.isFinite(trainLoss);
    }
}

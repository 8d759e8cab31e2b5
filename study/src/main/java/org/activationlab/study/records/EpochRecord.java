package org.activationlab.study.records;

/**
 * One epoch of a run's history; the fields mean what they mean in the backend's {@code EpochStats}.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss running mean training loss over the epoch
 * @param trainAccuracy running training accuracy over the epoch
 * @param valLoss validation loss after the epoch, NaN without a validation set
 * @param valAccuracy validation accuracy after the epoch, NaN without a validation set
 * @param trainSeconds wall time of the training steps
 * @param evalSeconds wall time of the validation pass
 * @param learningRate the learning rate of the epoch's first step, NaN if not recorded (records before schema 5)
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy,
        double trainSeconds, double evalSeconds, double learningRate) {

    /** An epoch without a recorded learning rate. */
    public EpochRecord(int epoch, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy,
            double trainSeconds, double evalSeconds) {
        this(epoch, trainLoss, trainAccuracy, valLoss, valAccuracy, trainSeconds, evalSeconds, Double.NaN);
    }
}

package org.activationlab.study.records;

import org.activationlab.tf.training.EpochStats;

/**
 * One epoch of a run's history; the fields mean what they mean in {@link EpochStats}.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss running mean training loss over the epoch
 * @param trainAccuracy running training accuracy over the epoch
 * @param valLoss validation loss after the epoch, NaN without a validation set
 * @param valAccuracy validation accuracy after the epoch, NaN without a validation set
 * @param trainSeconds wall time of the training steps
 * @param evalSeconds wall time of the validation pass
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy,
        double trainSeconds, double evalSeconds) {

    /** Copies what the trainer measured. */
    public static EpochRecord of(EpochStats s) {
        return new EpochRecord(s.epoch(), s.trainLoss(), s.trainAccuracy(), s.valLoss(), s.valAccuracy(),
                s.trainSeconds(), s.evalSeconds());
    }
}

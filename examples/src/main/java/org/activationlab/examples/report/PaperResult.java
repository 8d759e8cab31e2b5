package org.activationlab.examples.report;

import org.activationlab.dsl.activations.Activation;

/**
 * What the MLP paper reports for one activation, from a single run of 100 epochs.
 *
 * @param activation the activation with the paper's hyperparameters
 * @param validationLoss Table 1, final validation loss
 * @param validationAccuracy Table 1, final validation accuracy
 * @param testF1 Table 2, test F1
 * @param testPrecision Table 2, test precision
 * @param testRecall Table 2, test recall
 * @param testAccuracy Table 2, test accuracy
 */
public record PaperResult(Activation activation, double validationLoss, double validationAccuracy, double testF1,
        double testPrecision, double testRecall, double testAccuracy) {
}

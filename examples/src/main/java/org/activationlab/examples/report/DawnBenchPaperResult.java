package org.activationlab.examples.report;

import org.activationlab.dsl.activations.Activation;

/**
 * One row of the CNN paper's Table 3 (MNIST) or Table 4 (CIFAR-10), measured on a GTX 1060 from a single run.
 *
 * @param activation the activation with the hyperparameters the paper's PyTorch code used
 * @param totalTrainSeconds total training time
 * @param inferenceMillisPerSample inference time per sample
 * @param thresholdEpoch first epoch whose test accuracy reached the threshold (98% or 87%), 0 for the paper's "N/A"
 * @param secondsToThreshold training time until then, NaN for "N/A"
 * @param errorRate final test error rate
 */
public record DawnBenchPaperResult(Activation activation, double totalTrainSeconds, double inferenceMillisPerSample,
        int thresholdEpoch, double secondsToThreshold, double errorRate) {
}

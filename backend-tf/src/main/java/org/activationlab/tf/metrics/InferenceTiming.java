package org.activationlab.tf.metrics;

/**
 * Inference time per sample measured two ways, as DAWNBench reports it: throughput over a whole dataset in batches
 * (the data already resident in the graph, so only the forward pass is timed), and the latency of classifying one
 * sample fed from Java (tensor creation, forward pass and softmax fetch: what serving a single request costs).
 *
 * @param examples samples classified in the batched pass
 * @param batchSize samples per batch in the batched pass
 * @param batchedMillisPerSample wall time of the batched pass divided by {@code examples}, after one warm-up batch
 * @param singleSampleRepeats single-sample predictions timed, after as many untimed warm-up predictions
 * @param singleSampleMedianMillis median latency of one single-sample prediction
 * @param singleSampleP90Millis 90th percentile of the single-sample latencies
 */
public record InferenceTiming(int examples, int batchSize, double batchedMillisPerSample, int singleSampleRepeats,
        double singleSampleMedianMillis, double singleSampleP90Millis) {
}

package org.activationlab.study.records;


/**
 * DAWNBench-style measurements of a run (the CNN paper's Table 3): total training time, time to an accuracy
 * threshold on the set evaluated after each epoch (training steps only: evaluation passes are excluded), inference
 * time per sample two ways, and the final error rate.
 *
 * @param monitoredSplit the split evaluated after each epoch, e.g. {@code test} (the paper's protocol)
 * @param threshold the accuracy to reach, e.g. 0.98
 * @param thresholdEpoch the first epoch reaching it, 0 if none did
 * @param trainSecondsToThreshold training time until the end of that epoch; NaN if not reached
 * @param totalTrainSeconds training time of all epochs, evaluation excluded
 * @param totalWallSeconds wall time of the whole fit, per-epoch evaluation included
 * @param inferenceBatchSize samples per batch of the batched inference pass
 * @param batchedMillisPerSample batched inference time per sample over the test set, data resident in the graph
 * @param singleSampleRepeats single-sample predictions timed
 * @param singleSampleMedianMillis median latency of one single-sample prediction fed from Java
 * @param singleSampleP90Millis 90th percentile of those latencies
 * @param errorRate final test error, {@code 1 - accuracy}
 */
public record DawnBenchMetrics(String monitoredSplit, double threshold, int thresholdEpoch,
        double trainSecondsToThreshold, double totalTrainSeconds, double totalWallSeconds, int inferenceBatchSize,
        double batchedMillisPerSample, int singleSampleRepeats, double singleSampleMedianMillis,
        double singleSampleP90Millis, double errorRate) {

    /** The record section that holds these metrics. */
    public static final SectionKey<DawnBenchMetrics> SECTION = SectionKey.of("dawnbench", DawnBenchMetrics.class);

    public DawnBenchMetrics {
        if (monitoredSplit == null || monitoredSplit.isBlank()) {
            throw new IllegalArgumentException("DAWNBench monitored split must be named, e.g. \"test\"");
        }
        RunRecord.unitInterval("dawnbench.threshold", threshold);
        RunRecord.unitInterval("dawnbench.error_rate", errorRate);
        if (thresholdEpoch < 0) {
            throw new IllegalArgumentException("DAWNBench threshold epoch must be >= 0 (0 = not reached), got "
                    + thresholdEpoch);
        }
    }


    /** Whether the threshold was reached. */
    public boolean reached() {
        return thresholdEpoch > 0;
    }
}

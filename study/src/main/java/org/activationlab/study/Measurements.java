package org.activationlab.study;

import java.util.List;
import org.activationlab.study.records.DawnBenchMetrics;
import org.activationlab.study.records.EpochRecord;
import org.activationlab.study.records.ProbeRecord;
import org.activationlab.study.records.Probes;
import org.activationlab.study.records.SplitMetrics;
import org.activationlab.tf.metrics.Evaluation;
import org.activationlab.tf.metrics.InferenceTiming;
import org.activationlab.tf.probes.ProbeStats;
import org.activationlab.tf.training.EpochStats;
import org.activationlab.tf.training.History;
import org.activationlab.tf.training.TimeToAccuracy;

/**
 * The one place where what the backend measured becomes record types, which import nothing of the backend.
 */
public final class Measurements {

    private Measurements() {
    }

    public static EpochRecord epoch(EpochStats s) {
        return new EpochRecord(s.epoch(), s.trainLoss(), s.trainAccuracy(), s.valLoss(), s.valAccuracy(),
                s.trainSeconds(), s.evalSeconds(), s.learningRate());
    }

    public static List<EpochRecord> history(History h) {
        return h.epochs().stream().map(Measurements::epoch).toList();
    }

    /** An evaluation with its macro metrics. */
    public static SplitMetrics split(Evaluation e) {
        return new SplitMetrics(e.examples(), e.loss(), e.accuracy(), e.macroPrecision(), e.macroRecall(),
                e.macroF1(), e.confusion().counts());
    }

    public static ProbeRecord probe(ProbeStats p) {
        return new ProbeRecord(p.epoch(), p.loss(),
                p.gradientNorms().entrySet().stream()
                        .map(e -> new ProbeRecord.GradientNorm(e.getKey(), e.getValue())).toList(),
                p.units().stream().map(u -> new ProbeRecord.UnitRecord(u.layer(), u.units(), u.deadFraction(),
                        u.negativeFraction())).toList());
    }

    public static Probes probes(History h) {
        return new Probes(h.probes().stream().map(Measurements::probe).toList());
    }

    /** Combines what training and the inference timing measured. */
    public static DawnBenchMetrics dawnbench(String monitoredSplit, TimeToAccuracy tta, double totalTrainSeconds,
            double totalWallSeconds, InferenceTiming inference, double testAccuracy) {
        return new DawnBenchMetrics(monitoredSplit, tta.threshold(), tta.epoch(), tta.trainSeconds(),
                totalTrainSeconds, totalWallSeconds, inference.batchSize(), inference.batchedMillisPerSample(),
                inference.singleSampleRepeats(), inference.singleSampleMedianMillis(),
                inference.singleSampleP90Millis(), 1 - testAccuracy);
    }
}

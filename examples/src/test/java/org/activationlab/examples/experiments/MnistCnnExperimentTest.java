package org.activationlab.examples.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.activationlab.data.TrainTest;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.data.mnist.Mnist;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.examples.records.DawnBenchMetrics;
import org.activationlab.examples.records.RunRecord;
import org.junit.jupiter.api.Test;

/** One short run of the CNN protocol on real MNIST: the record holds consistent DAWNBench measurements. */
class MnistCnnExperimentTest {

    @Test
    void shortRunRecordsConsistentDawnBenchMetrics() throws IOException {
        TrainTest mnist = Mnist.load(DatasetResolver.fromEnvironment());
        List<String> log = new ArrayList<>();
        RunRecord r = MnistCnnExperiment.run(mnist, Activations.prelu(), 1, 2, 0.5, 6_000, false, false, "test",
                log::add);

        assertEquals("mnist-cnn", r.experiment());
        assertEquals(21_843, r.protocol().parameters());
        assertEquals(2, r.history().size());
        assertEquals(2, log.size());
        assertNull(r.validation());
        assertEquals(10_000, r.test().examples());
        // the test set is the per-epoch monitored set, so the final evaluation repeats the last epoch's
        assertEquals(r.history().get(1).valAccuracy(), r.test().accuracy(), 1e-9);
        DawnBenchMetrics d = r.dawnbench();
        assertEquals("test", d.monitoredSplit());
        assertEquals(1 - r.test().accuracy(), d.errorRate(), 1e-12);
        assertTrue(r.test().accuracy() > 0.5, "accuracy after 2 epochs on 6,000 images: " + r.test().accuracy());
        int expectedEpoch = r.history().get(0).valAccuracy() >= 0.5 ? 1 : 2;
        assertEquals(expectedEpoch, d.thresholdEpoch());
        double expectedSeconds = r.history().stream().limit(expectedEpoch).mapToDouble(e -> e.trainSeconds()).sum();
        assertEquals(expectedSeconds, d.trainSecondsToThreshold(), 1e-9);
        assertEquals(r.trainingSeconds(), d.totalTrainSeconds(), 1e-9);
        assertTrue(d.totalWallSeconds() > d.totalTrainSeconds(), "wall time includes the evaluations");
        assertEquals(MnistCnnExperiment.INFERENCE_BATCH_SIZE, d.inferenceBatchSize());
        assertTrue(d.batchedMillisPerSample() > 0 && d.singleSampleMedianMillis() > d.batchedMillisPerSample(),
                "one image at a time costs more per image than batches: " + d);
        assertTrue(d.singleSampleP90Millis() >= d.singleSampleMedianMillis(), d.toString());
    }
}

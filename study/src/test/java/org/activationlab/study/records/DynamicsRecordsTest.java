package org.activationlab.study.records;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.activationlab.dsl.activations.Activations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynamicsRecordsTest {

    @TempDir
    Path results;

    private static RunRecord withDynamics(RunRecord r, String variant) {
        ProbeRecord probe = new ProbeRecord(0, 2.3, List.of(new ProbeRecord.GradientNorm("dense_1/kernel", 0.5),
                new ProbeRecord.GradientNorm("dense_1/bias", 0.1), new ProbeRecord.GradientNorm("dense_2/kernel",
                        Double.NaN)), List.of(new ProbeRecord.UnitRecord("dense_1", 128, 0.25, 0.5)));
        DecisionBoundary boundary = DecisionBoundary.of(-6, 6, 2, new float[] {0f, 0.25f, 0.5f, 1f},
                DecisionBoundary.Points.of(new float[] {1.5f, -2f, 0.25f, 3f}, new int[] {1, 0}));
        return RunRecord.builder(r.experiment(), r.activation(), r.seed()).variant(variant).protocol(r.protocol())
                .history(r.history()).validation(r.validation()).test(r.test()).trainingSeconds(r.trainingSeconds())
                .environment(r.environment()).command(r.command())
                .section(Probes.SECTION, new Probes(List.of(probe))).section(DecisionBoundary.SECTION, boundary)
                .section(Convergence.SECTION, Convergence.of("test", 0.1, r.history(), 10)).build();
    }

    @Test
    void variantsLiveInSubfoldersAndRoundTripWithProbesBoundaryAndConvergence() {
        RunRecord a = withDynamics(RunRecordFixtures.finished(Activations.relu(), 1, 3, 0.1, 0.9, 0.9, 0.9, 0.9,
                0.9), "lr-0.5");
        RunRecord b = withDynamics(RunRecordFixtures.finished(Activations.relu(), 1, 3, 0.1, 0.9, 0.9, 0.9, 0.9,
                0.9), "lr-2");
        Path fileA = RunRecords.folderOf(results, "mnist-mlp", "lr-0.5").resolve("relu-seed1.json");
        RunRecords.write(fileA, a);
        RunRecords.write(RunRecords.folderOf(results, "mnist-mlp", "lr-2").resolve("relu-seed1.json"), b);

        List<RunRecord> back = RunRecords.readAll(results, "mnist-mlp");

        assertEquals(List.of(a, b), back);
        assertTrue(Double.isNaN(back.get(0).probes().get(0).gradientNorms().get(2).norm()));
        assertArrayEquals(new double[] {0.5, Double.NaN}, back.get(0).probes().get(0).kernelNorms());
        assertArrayEquals(new double[][] {{0, 0.25}, {0.5, 1}}, back.get(0).boundary().grid());
        assertArrayEquals(new float[] {1.5f, -2f, 0.25f, 3f}, back.get(0).boundary().points().features());
        assertArrayEquals(new int[] {1, 0}, back.get(0).boundary().points().labels());
        assertEquals(3, back.get(0).convergence().epoch(), "validation loss 0.12, 0.11, 0.10: first <= 0.1 is 3");
    }

    @Test
    void convergenceIsTheFirstEpochAtOrBelowTheThreshold() {
        List<EpochRecord> h = List.of(new EpochRecord(1, 1, 0.5, 0.5, 0.5, 1, 1),
                new EpochRecord(2, 1, 0.5, 0.1, 0.9, 1, 1), new EpochRecord(3, 1, 0.5, 0.05, 0.9, 1, 1));
        assertEquals(2, Convergence.of("test", 0.1, h, 3).epoch());
        Convergence never = Convergence.of("test", 0.01, h, 3);
        assertFalse(never.converged());
        assertThrows(IllegalArgumentException.class, () -> new Convergence("test", 0.1, 4, 3));
    }

    @Test
    void malformedBoundariesFractionsAndPointsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DecisionBoundary(-1, 1, List.of("0.1 0.2", "0.3"), null));
        assertTrue(e.getMessage().contains("row 1 has 1 values, expected 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DecisionBoundary(1, 1, List.of(), null));
        assertThrows(IllegalArgumentException.class,
                () -> new DecisionBoundary.Points(new float[2], new float[1], new int[2]));
        IllegalArgumentException dead = assertThrows(IllegalArgumentException.class,
                () -> new ProbeRecord.UnitRecord("dense_1", 8, 1.5, 0.5));
        assertTrue(dead.getMessage().contains("dead_fraction of dense_1 is 1.5"), dead.getMessage());
    }
}

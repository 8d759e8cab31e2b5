package org.activationlab.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.study.records.DawnBenchMetrics;
import org.activationlab.study.records.Protocol;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecordFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DawnBenchReportTest {

    @TempDir
    static Path docs;

    private static final String COMMAND = "bin/activation-lab reproduce mnist-cnn --epochs 10";

    /** ReLU with two seeds (10 epochs, reaching 98% at epoch 6), PReLU with one run of 5 epochs (never reaching). */
    private static List<RunRecord> records() {
        return List.of(
                RunRecordFixtures.cnnFinished(Activations.relu(), 1, 10, 4.0, 0.0110),
                RunRecordFixtures.cnnFinished(Activations.relu(), 2, 10, 5.0, 0.0130),
                RunRecordFixtures.cnnFinished(Activations.prelu(), 1, 5, 4.5, 0.0200));
    }

    @Test
    void table3SetsOursBesideThePapersRow() {
        String md = DawnBenchReport.render(records(), COMMAND, CnnPaper.MNIST_TABLE_3, docs);
        String relu = line(md, "| ReLU | 0:01:48 (108 s) |");
        // training 40 and 50 s; time to 98% 24 and 30 s; errors 1.10% and 1.30%
        assertTrue(relu.contains("| 45.0 ± 7.1 (95% CI -18.5–108.5, n=2) s |"), relu);
        assertTrue(relu.contains("| 0.14975 |"), relu);
        assertTrue(relu.contains("| 9 | 6, 6 | 0:01:38 (98 s) | 27.0 ± 4.2 (95% CI -11.1–65.1, n=2) s |"), relu);
        assertTrue(relu.endsWith("| 1.73% | 1.20% ± 0.14% (95% CI -0.07%–2.47%, n=2) |"), relu);
        String prelu = line(md, "| PReLU |");
        assertTrue(prelu.contains("| 5 | not reached | 0:00:56 (56 s) | not reached |"), prelu);
        assertTrue(prelu.endsWith("| 1.41% | 2.00% |"), prelu);
    }

    @Test
    void perEpochTablesAverageSeedsAndLeaveMissingEpochsEmpty() {
        String md = DawnBenchReport.render(records(), COMMAND, CnnPaper.MNIST_TABLE_3, docs);
        String accuracy = md.substring(md.indexOf("## Test accuracy after each epoch"));
        assertTrue(accuracy.contains("| 1 | 0.9550 | 0.9550 |"), accuracy);
        assertTrue(accuracy.contains("| 6 | 0.9800 | — |"), accuracy);
        assertTrue(accuracy.contains("| 10 | 1.0000 | — |"), accuracy);
    }

    @Test
    void modelSummaryCountsPreluSlopesAndReducedEpochsAreFlagged() {
        String md = DawnBenchReport.render(records(), COMMAND, CnnPaper.MNIST_TABLE_3, docs);
        assertTrue(md.contains("- ReLU(): 21,840 trainable parameters"), md);
        assertTrue(md.contains("- PReLU(init=0.25, per_channel=false): 21,843 trainable parameters"), md);
        assertTrue(md.contains("**Reduced protocol:** 5, 10 epochs instead of 10."), md);
        assertTrue(md.contains("```\n" + COMMAND + "\n```"), md);
    }

    @Test
    void sameRecordsInAnyOrderGiveIdenticalText() {
        List<RunRecord> shuffled = new ArrayList<>(records());
        Collections.reverse(shuffled);
        assertEquals(DawnBenchReport.render(records(), COMMAND, CnnPaper.MNIST_TABLE_3, docs), DawnBenchReport.render(shuffled, COMMAND, CnnPaper.MNIST_TABLE_3, docs));
    }

    @Test
    void recordsWithoutDawnBenchOrFromAnotherExperimentAreRejected() {
        RunRecord mlp = RunRecordFixtures.finished(Activations.relu(), 1, 2, 0.1, 0.9, 0.9, 0.9, 0.9, 0.9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DawnBenchReport.render(List.of(mlp), COMMAND, CnnPaper.MNIST_TABLE_3, docs));
        assertTrue(e.getMessage().contains("belongs to experiment 'mnist-mlp', not 'mnist-cnn'"), e.getMessage());

        RunRecord r = records().get(0);
        RunRecord unmeasured = RunRecord.builder(r.experiment(), r.activation(), r.seed()).protocol(r.protocol())
                .history(r.history()).test(r.test()).trainingSeconds(r.trainingSeconds())
                .environment(r.environment()).command(r.command()).build();
        e = assertThrows(IllegalArgumentException.class, () -> DawnBenchReport.render(List.of(unmeasured), COMMAND,
                CnnPaper.MNIST_TABLE_3, docs));
        assertTrue(e.getMessage().contains("has no DAWNBench measurements; re-run it"), e.getMessage());
    }

    @Test
    void cifarPageLabelsTheReducedProtocolAndTheDataSource() {
        RunRecord r = RunRecordFixtures.cnnFinished(Activations.leakyRelu(0.01), 1, 6, 70.0, 0.35);
        Protocol p = r.protocol();
        Protocol reduced = Protocol.builder().model(p.model(), p.parameters()).optimizer(p.optimizer()).batchSize(128)
                .epochs(6).split(p.split()).trainLimit(10_000)
                .dataSource("CIFAR-10 JPEG copy cifar10-jpeg.tar.gz, NOT the canonical binary CIFAR-10")
                .initializer(p.initializer()).preprocessing("per-channel normalisation; augmentation: random crop")
                .build();
        DawnBenchMetrics d = r.dawnbench();
        DawnBenchMetrics at60 = new DawnBenchMetrics("test", 0.6, d.thresholdEpoch(), d.trainSecondsToThreshold(),
                d.totalTrainSeconds(), d.totalWallSeconds(), 500, 1.9, 50, 7.1, 7.5, 0.35);
        RunRecord cifar = RunRecord.builder("cifar10-vgg11", r.activation(), 1).protocol(reduced).history(r.history())
                .test(r.test()).trainingSeconds(r.trainingSeconds()).section(DawnBenchMetrics.SECTION, at60)
                .environment(r.environment()).command("reproduce cifar10-vgg11").build();

        String md = DawnBenchReport.render(List.of(cifar), "reproduce cifar10-vgg11", CnnPaper.CIFAR10_TABLE_4, docs);

        assertTrue(md.startsWith("# CIFAR-10 VGG-11: activation functions compared with the paper's Table 4"), md);
        assertTrue(md.contains("**Reduced protocol:** 6 epochs instead of 50; a stratified subset of 10,000 training"
                + " images instead of all of them; accuracy threshold 60% instead of 87%."), md);
        assertTrue(md.contains("**Data:** CIFAR-10 JPEG copy cifar10-jpeg.tar.gz, NOT the canonical binary"), md);
        String row = line(md, "| LeakyReLU | 0:48:16 (2896 s) | 420.0 s | 0.32579 | 1.90000 [7.100] | 14 | 6 |");
        assertTrue(row.endsWith("| 0:13:39 (819 s) | 420.0 s | 9.57% | 35.00% |"), row);
        assertTrue(md.contains("- LeakyReLU(negative_slope=0.01): 9,231,114 trainable parameters"), md);
        assertTrue(md.contains("- **Preprocessing:** per-channel normalisation; augmentation: random crop"), md);
    }

    private static String line(String md, String prefix) {
        return md.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + prefix + " in\n" + md));
    }
}

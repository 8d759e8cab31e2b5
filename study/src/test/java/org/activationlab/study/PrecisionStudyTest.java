package org.activationlab.study;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.study.records.ActivationInfo;
import org.activationlab.study.records.Fingerprints;
import org.activationlab.study.records.Protocol;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecords;
import org.activationlab.tf.Device;
import org.activationlab.tf.Precision;
import org.activationlab.tf.PrecisionSupport;
import org.activationlab.tf.optimizers.Sgd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Precision is a setting of the protocol only when it is not fp32, so fp32 records keep their fingerprint. */
class PrecisionStudyTest {

    private static final StudyGrid.Run RUN = new StudyGrid.Run(0, "", Activations.relu(), 1);

    @Test
    void fp32LeavesTheProtocolAsTheExperimentBuiltItAndBf16AddsASetting() {
        Experiment<Void> e = study(Precision.FP32).experiment();
        StudySettings fp32 = new StudySettings(1, 16, 0, null, true, Device.CPU, 0, Map.of());
        StudySettings bf16 = new StudySettings(1, 16, 0, null, true, Device.CPU, 0, Map.of(), Precision.BF16);
        Protocol plain = e.protocol(null, RUN, fp32);

        assertSame(Precision.FP32, fp32.precision(), "the old constructor means fp32");
        assertEquals(plain, StudyRunner.protocol(e, null, RUN, fp32));
        assertNull(StudyRunner.protocol(e, null, RUN, fp32).setting(Protocol.PRECISION_SETTING));
        Protocol mixed = StudyRunner.protocol(e, null, RUN, bf16);
        assertEquals("bf16", mixed.setting(Protocol.PRECISION_SETTING));
        assertNotEquals(Fingerprints.of("p", "", plain, ActivationInfo.of(Activations.relu())),
                Fingerprints.of("p", "", mixed, ActivationInfo.of(Activations.relu())));
    }

    @Test
    void bf16RunsGoBesideTheFp32OnesAndThePageNamesTheirPrecision(@TempDir Path tmp) throws IOException {
        assumeTrue(PrecisionSupport.cpuHasBf16(), "this CPU has no AVX512_BF16 / AMX");
        Path dir = tmp.resolve("results/p");
        study(Precision.FP32).run(dir);
        StudyResult mixed = study(Precision.BF16).run(dir);

        assertEquals(2, mixed.trained(), "bf16 runs are not the fp32 runs kept");
        List<RunRecord> main = RunRecords.readAllIn(dir);
        assertTrue(main.stream().allMatch(r -> r.protocol().setting(Protocol.PRECISION_SETTING) == null));
        List<RunRecord> other = RunRecords.readOtherSettingsIn(dir).get("precision-bf16");
        assertEquals(2, other.size());
        assertTrue(other.stream().allMatch(r -> "bf16".equals(r.protocol().setting(Protocol.PRECISION_SETTING))));
        assertTrue(other.get(0).command().contains("Study.builder"), other.get(0).command());

        List<Path> pages = mixed.writeReport(tmp.resolve("docs"));
        String fp32Page = Files.readString(tmp.resolve("docs/p.md"));
        String bf16Page = Files.readString(pages.stream().filter(f -> f.toString().contains("bf16")).findFirst()
                .orElseThrow());
        assertFalse(fp32Page.contains("**Precision:**"), "fp32-only pages are unchanged");
        assertTrue(bf16Page.contains("- **Precision:** bf16 (TensorFlow's automatic mixed precision)"), bf16Page);
    }

    private static Study study(Precision precision) {
        return Study.builder("p")
                .model(act -> Sequential.of(input(8), dense(16).activation(act), dense(3).softmax()))
                .activations("relu", "tanh").seeds(1).data(ParallelStudyTest.blobs(1), null,
                        ParallelStudyTest.blobs(2))
                .optimizer(Sgd.of(0.1)).epochs(1).batchSize(16).deterministic(true).precision(precision)
                .progress(false).build();
    }
}

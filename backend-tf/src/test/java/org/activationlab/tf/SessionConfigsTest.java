package org.activationlab.tf;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.activationlab.data.Dataset;
import org.activationlab.tf.saving.Blobs;
import org.activationlab.dsl.Sequential;
import org.activationlab.tf.optimizers.Adam;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.training.FitOptions;
import org.activationlab.tf.training.History;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.RewriterConfig;

class SessionConfigsTest {

    private static final TrainingConfig BASE = TrainingConfig.of(Sgd.of(0.1), 1);

    @Test
    void defaultKeepsTensorFlowsThreadPoolsAndFloat32() {
        ConfigProto c = SessionConfigs.of(BASE, Device.CPU);
        assertEquals(0, c.getIntraOpParallelismThreads());
        assertEquals(0, c.getInterOpParallelismThreads());
        assertTrue(c.getAllowSoftPlacement());
        assertFalse(c.hasGraphOptions());
        assertFalse(c.getUsePerSessionThreads(), "a run alone keeps the process's shared pools");
    }

    @Test
    void runsSideBySideGetTheirThreadsAndOneInterOpThread() {
        ConfigProto c = SessionConfigs.of(BASE.withThreads(3), Device.CPU);
        assertEquals(3, c.getIntraOpParallelismThreads());
        assertEquals(1, c.getInterOpParallelismThreads());
        assertTrue(c.getUsePerSessionThreads(), "its own inter-op thread, not one shared by every session");
    }

    @Test
    void deterministicIsSingleThreadedWhateverTheThreads() {
        ConfigProto c = SessionConfigs.of(BASE.withThreads(4).withDeterministic(true), Device.CPU);
        assertEquals(1, c.getIntraOpParallelismThreads());
        assertEquals(1, c.getInterOpParallelismThreads());
        assertTrue(c.getUsePerSessionThreads());
    }

    @Test
    void bf16TurnsOnTheOneDnnRewriteOnTheCpuAndMixedPrecisionOnTheGpu() {
        TrainingConfig bf16 = BASE.withPrecision(Precision.BF16);
        RewriterConfig gpu = SessionConfigs.of(bf16, Device.GPU).getGraphOptions().getRewriteOptions();
        assertEquals(RewriterConfig.Toggle.ON, gpu.getAutoMixedPrecision());
        assertEquals(RewriterConfig.Toggle.DEFAULT, gpu.getAutoMixedPrecisionOnednnBfloat16());
        if (PrecisionSupport.cpuHasBf16()) {
            RewriterConfig cpu = SessionConfigs.of(bf16, Device.CPU).getGraphOptions().getRewriteOptions();
            assertEquals(RewriterConfig.Toggle.ON, cpu.getAutoMixedPrecisionOnednnBfloat16());
            assertEquals(RewriterConfig.Toggle.DEFAULT, cpu.getAutoMixedPrecision());
        } else {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SessionConfigs.of(bf16, Device.CPU));
            assertTrue(e.getMessage().contains("--precision fp32"), e.getMessage());
        }
    }

    @Test
    void negativeThreadsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BASE.withThreads(-1));
        assertEquals("TrainingConfig threads must be >= 0 (0 = TensorFlow's default), got -1", e.getMessage());
    }

    @Test
    void bf16TrainsWhereTheCpuSupportsIt() {
        assumeTrue(PrecisionSupport.cpuHasBf16(), "this CPU has no AVX512_BF16 / AMX");
        Sequential mlp = Sequential.of(input(20), dense(64).relu(), dense(4).softmax());
        Dataset data = Blobs.blobs(1024, 20, 4, 6);
        TrainingConfig config = TrainingConfig.of(Adam.defaults(), 1).withPrecision(Precision.BF16);
        try (CompiledModel model = ModelCompiler.compile(mlp, config)) {
            History h = model.fit(data, FitOptions.builder(3, 32).build());
            assertTrue(Double.isFinite(h.epochs().get(2).trainLoss()));
            assertTrue(model.evaluate(data).accuracy() > 0.9, "bf16 accuracy " + model.evaluate(data).accuracy());
        }
    }
}

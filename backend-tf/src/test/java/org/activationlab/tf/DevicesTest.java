package org.activationlab.tf;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.activationlab.dsl.Sequential;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.training.FitOptions;
import org.junit.jupiter.api.Test;

/** On a machine without a GPU (every machine of this project), GPU requests degrade to the CPU. */
class DevicesTest {

    @Test
    void gpuRequestWithoutGpuTrainsOnTheCpuWithOneWarning() {
        assumeFalse(Devices.gpuAvailable(), "this machine has a GPU");
        List<LogRecord> warnings = new ArrayList<>();
        Logger logger = Logger.getLogger(Devices.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            Sequential model = Sequential.of(input(4), dense(3).softmax());
            TrainingConfig gpu = TrainingConfig.of(Sgd.of(0.1), 1).withDevice(Device.GPU);
            for (int i = 0; i < 2; i++) {
                try (CompiledModel m = ModelCompiler.compile(model, gpu)) {
                    assertEquals(Device.CPU, m.device());
                    m.fit(FiniteDifferences.randomBatch(8, new int[] {4}, 3, 1),
                            FitOptions.builder(1, 4).build());
                }
            }
            assertEquals(Device.CPU, Devices.resolve(Device.AUTO));
            assertTrue(warnings.size() <= 1, "warned " + warnings.size() + " times");
            assertTrue(Devices.describe().contains("devices: CPU:0; no GPU"), Devices.describe());
        } finally {
            logger.removeHandler(capture);
        }
    }
}

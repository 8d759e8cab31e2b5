package org.activationlab.tf;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.dropout;
import static org.activationlab.dsl.Layers.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.activationlab.dsl.Sequential;
import org.activationlab.tf.optimizers.Sgd;
import org.junit.jupiter.api.Test;

/** Models the cross-entropy classifier cannot train correctly are rejected with the fix. */
class ClassifierChecksTest {

    @Test
    void softmaxBeforeTheLastLayerIsRejected() {
        Sequential model = Sequential.of(input(4), dense(3).softmax(), dropout(0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelCompiler.compile(model, TrainingConfig.of(Sgd.of(0.1), 1)));
        assertTrue(e.getMessage().startsWith("softmax must be the model's last layer"), e.getMessage());
        assertTrue(e.getMessage().contains("layer 1 (Dense(units=3"), e.getMessage());
    }

    @Test
    void sigmoidOutputIsRejectedAndEvaluationBatchSizeChecked() {
        Sequential sigmoid = Sequential.of(input(4), dense(3).sigmoid());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelCompiler.compile(sigmoid, TrainingConfig.of(Sgd.of(0.1), 1)));
        assertTrue(e.getMessage().contains("use dense(classes).softmax()"), e.getMessage());
        try (CompiledModel m = ModelCompiler.compile(Sequential.of(input(4), dense(3).softmax()),
                TrainingConfig.of(Sgd.of(0.1), 1))) {
            IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                    () -> m.evaluate(FiniteDifferences.randomBatch(4, new int[] {4}, 3, 1), 0));
            assertEquals("evaluation batch size must be > 0, got 0", b.getMessage());
        }
    }
}

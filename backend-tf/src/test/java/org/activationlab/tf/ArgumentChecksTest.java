package org.activationlab.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.activationlab.tf.callbacks.EarlyStopping;
import org.activationlab.tf.optimizers.AdamW;
import org.activationlab.tf.optimizers.RmsProp;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.schedules.CosineDecay;
import org.activationlab.tf.schedules.MultiStepDecay;
import org.activationlab.tf.schedules.OneCycle;
import org.activationlab.tf.schedules.StepDecay;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invalid hyperparameters of the optimizers, schedules, training options and callbacks, each named in the error. */
class ArgumentChecksTest {

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of((Executable) () -> Sgd.of(0.1).withWeightDecay(-1e-4),
                        "Sgd weight decay must be >= 0 and finite, got -1.0E-4"),
                Arguments.of((Executable) () -> new AdamW(1e-3, 0.9, 1.0, 1e-8, 0.01),
                        "AdamW betas must be in [0, 1), got 0.9 and 1.0"),
                Arguments.of((Executable) () -> new AdamW(1e-3, 0.9, 0.999, 1e-8, -0.01),
                        "AdamW weight decay must be >= 0 and finite, got -0.01"),
                Arguments.of((Executable) () -> new RmsProp(0.01, 1.0, 1e-8, 0, false, 0),
                        "RmsProp alpha must be in [0, 1), got 1.0"),
                Arguments.of((Executable) () -> new StepDecay(0, 0.1), "StepDecay step must be > 0 epochs, got 0"),
                Arguments.of((Executable) () -> new MultiStepDecay(List.of(80, 40), 0.1),
                        "MultiStepDecay milestones must be positive and strictly increasing epochs, got [80, 40]"),
                Arguments.of((Executable) () -> new MultiStepDecay(List.of(80), 1.5),
                        "MultiStepDecay gamma must be in (0, 1], got 1.5"),
                Arguments.of((Executable) () -> new CosineDecay(5, 5, 0),
                        "CosineDecay needs epochs > warm-up epochs >= 0, got 5 and 5"),
                Arguments.of((Executable) () -> new OneCycle(10, 1.0, 25, 1e4),
                        "OneCycle pctStart must be in (0, 1), got 1.0"),
                Arguments.of((Executable) () -> TrainingConfig.of(Sgd.of(0.1), 1).withGradientClipping(-1),
                        "gradient clipping norm must be >= 0 and finite (0 = off), got -1.0"),
                Arguments.of((Executable) () -> TrainingConfig.of(Sgd.of(0.1), 1).withLabelSmoothing(1),
                        "label smoothing must be in [0, 1) (0 = off), got 1.0"),
                Arguments.of((Executable) () -> EarlyStopping.builder().patience(-1),
                        "EarlyStopping patience must be >= 0 epochs, got -1"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalid")
    void rejectsWithAMessageNamingTheValue(Executable construction, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, construction).getMessage());
    }
}

package org.activationlab.tf;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.input;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.activationlab.dsl.Sequential;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.schedules.CosineDecay;
import org.activationlab.tf.schedules.LearningRateSchedule;
import org.activationlab.tf.schedules.MultiStepDecay;
import org.activationlab.tf.schedules.OneCycle;
import org.activationlab.tf.schedules.StepDecay;
import org.activationlab.tf.training.EpochStats;
import org.activationlab.tf.training.FitOptions;
import org.activationlab.tf.training.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** The in-graph learning-rate schedules at chosen steps, against the formulas of PyTorch's schedulers. */
class LearningRateScheduleTest {

    /** Schedule, base rate, steps per epoch, then (step, expected rate) pairs. */
    static Stream<Arguments> schedules() {
        return Stream.of(
                // StepLR(step_size=2, gamma=0.5): epochs 0-1 at 0.1, 2-3 at 0.05, 4-5 at 0.025
                Arguments.of(new StepDecay(2, 0.5), 0.1, 10, new double[][] {{0, 0.1}, {19, 0.1}, {20, 0.05},
                        {45, 0.025}}),
                // MultiStepLR([80, 120], 0.1): the 80th epoch (steps 395-399) still at the base rate, the 81st not
                Arguments.of(new MultiStepDecay(List.of(80, 120), 0.1), 0.1, 5, new double[][] {{0, 0.1},
                        {399, 0.1}, {400, 0.01}, {599, 0.01}, {600, 0.001}}),
                // (1 + cos(pi * s / 100)) / 2 over 10 epochs of 10 steps: 0.5 halfway, cos(pi/4) at a quarter
                Arguments.of(CosineDecay.over(10), 1.0, 10, new double[][] {{0, 1.0}, {25, 0.8535533906},
                        {50, 0.5}, {100, 0.0}, {150, 0.0}}),
                // 20 warm-up steps (s + 1) / 20, then cosine from 1 to 0.1 over 80 steps
                Arguments.of(new CosineDecay(10, 2, 0.1), 1.0, 10, new double[][] {{0, 0.05}, {9, 0.5},
                        {19, 1.0}, {20, 1.0}, {60, 0.55}, {100, 0.1}}),
                // OneCycleLR(max_lr=0.1, total_steps=100): 0.004 at step 0, max at step 29, 4e-7 at step 99
                Arguments.of(OneCycle.over(10), 0.1, 10, new double[][] {{0, 0.004}, {14, 0.0494013324},
                        {29, 0.1}, {64, 0.0500002}, {99, 4e-7}}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void rateAtChosenStepsMatchesTheFormula(LearningRateSchedule schedule, double base, int stepsPerEpoch,
            double[][] expected) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TInt64> step = tf.placeholder(TInt64.class);
            Operand<TFloat32> rate = ScheduleOps.rate(tf, schedule, base, step, tf.constant((float) stepsPerEpoch));
            try (Session s = new Session(g)) {
                for (double[] e : expected) {
                    try (TInt64 t = TInt64.scalarOf((long) e[0]);
                            Result r = s.runner().feed(step, t).fetch(rate).run()) {
                        float got = ((TFloat32) r.get(0)).getFloat();
                        assertEquals(e[1], got, 1e-6 * Math.max(1, e[1] * 10),
                                schedule.describe() + " at step " + (long) e[0]);
                    }
                }
            }
        }
    }

    /** Each epoch's first-step rate reaches the history: 4 steps per epoch, halved every epoch. */
    @Test
    void historyRecordsEachEpochsRate() {
        Sequential mlp = Sequential.of(input(4), dense(5).tanh(), dense(3).softmax());
        TrainingConfig config = TrainingConfig.of(Sgd.of(0.1), 1).withSchedule(new StepDecay(1, 0.5));
        try (CompiledModel model = ModelCompiler.compile(mlp, config)) {
            History h = model.fit(FiniteDifferences.randomBatch(16, new int[] {4}, 3, 2),
                    FitOptions.builder(3, 4).build());
            assertEquals(List.of(0.1, 0.05, 0.025), h.epochs().stream().map(EpochStats::learningRate)
                    .map(r -> Math.round(r * 1e6) / 1e6).toList());
        }
    }
}

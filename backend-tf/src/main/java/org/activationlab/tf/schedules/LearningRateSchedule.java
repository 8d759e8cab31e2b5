package org.activationlab.tf.schedules;

/**
 * How the learning rate changes during training, as a factor of the optimizer's base rate evaluated in the graph
 * at every step from the step counter (no extra {@code Session.run}). Epoch-based schedules change the rate at
 * epoch boundaries, as PyTorch's schedulers stepped once per epoch do; cosine and one-cycle change it every step.
 * Sealed and dispatched through {@link Visitor}, so a backend that misses a schedule does not compile.
 */
public sealed interface LearningRateSchedule permits ConstantRate, StepDecay, MultiStepDecay, CosineDecay,
        OneCycle {

    /** The base rate throughout. */
    static LearningRateSchedule constant() {
        return new ConstantRate();
    }

    /** Every hyperparameter, for records and logs. */
    String describe();

    /** Calls the visitor's method for this schedule's type. */
    <R> R accept(Visitor<R> visitor);

    /** One method per schedule type. */
    interface Visitor<R> {
        R constant(ConstantRate schedule);

        R step(StepDecay schedule);

        R multiStep(MultiStepDecay schedule);

        R cosine(CosineDecay schedule);

        R oneCycle(OneCycle schedule);
    }
}

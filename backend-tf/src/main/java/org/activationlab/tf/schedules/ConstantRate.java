package org.activationlab.tf.schedules;

/** The optimizer's base rate at every step; compiles to a constant, so it costs nothing per step. */
public record ConstantRate() implements LearningRateSchedule {

    @Override
    public String describe() {
        return "constant";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.constant(this);
    }
}

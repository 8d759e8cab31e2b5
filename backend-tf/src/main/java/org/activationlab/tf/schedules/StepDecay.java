package org.activationlab.tf.schedules;

import java.util.Locale;

/**
 * PyTorch's {@code StepLR}: the base rate times {@code gamma^floor(e / stepEpochs)} during (0-based) epoch
 * {@code e}.
 *
 * @param stepEpochs epochs between decays, > 0
 * @param gamma factor per decay, in (0, 1]
 */
public record StepDecay(int stepEpochs, double gamma) implements LearningRateSchedule {

    public StepDecay {
        if (stepEpochs <= 0) {
            throw new IllegalArgumentException("StepDecay step must be > 0 epochs, got " + stepEpochs);
        }
        MultiStepDecay.checkGamma("StepDecay", gamma);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "step(every=%d epochs, gamma=%s)", stepEpochs, gamma);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.step(this);
    }
}

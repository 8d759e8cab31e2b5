package org.activationlab.tf.schedules;

import java.util.List;
import java.util.Locale;

/**
 * PyTorch's {@code MultiStepLR}: the base rate times {@code gamma} for every milestone already passed; with
 * milestone 80 and 100 epochs, epochs 1-80 train at the base rate and epochs 81-100 at {@code gamma} times it
 * (Dubey et al.'s x0.1 at epoch 80; He et al.'s CIFAR steps at 50% and 75%).
 *
 * @param milestones epochs after which the rate is multiplied by gamma, strictly increasing, each > 0
 * @param gamma factor per milestone, in (0, 1]
 */
public record MultiStepDecay(List<Integer> milestones, double gamma) implements LearningRateSchedule {

    public MultiStepDecay {
        milestones = List.copyOf(milestones);
        if (milestones.isEmpty()) {
            throw new IllegalArgumentException("MultiStepDecay needs at least one milestone epoch");
        }
        for (int i = 0; i < milestones.size(); i++) {
            if (milestones.get(i) <= 0 || i > 0 && milestones.get(i) <= milestones.get(i - 1)) {
                throw new IllegalArgumentException("MultiStepDecay milestones must be positive and strictly "
                        + "increasing epochs, got " + milestones);
            }
        }
        checkGamma("MultiStepDecay", gamma);
    }

    static void checkGamma(String schedule, double gamma) {
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException(schedule + " gamma must be in (0, 1], got " + gamma);
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "multi-step(milestones=%s, gamma=%s)", milestones, gamma);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.multiStep(this);
    }
}

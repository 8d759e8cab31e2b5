package org.activationlab.tf.schedules;

import java.util.Locale;

/**
 * A linear warm-up, then cosine annealing per step (PyTorch's {@code CosineAnnealingLR} stepped every batch,
 * without restarts). With {@code W = warmupEpochs * stepsPerEpoch} and {@code T = epochs * stepsPerEpoch} steps,
 * step {@code s} (0-based) trains at {@code base * (s + 1) / W} while {@code s < W}, then at
 * {@code min + (base - min) * (1 + cos(pi * (s - W) / (T - W))) / 2}, and at {@code min} from step {@code T} on.
 *
 * @param epochs length of warm-up plus annealing, > warmupEpochs
 * @param warmupEpochs epochs of linear warm-up, >= 0
 * @param minRate the final rate ({@code eta_min}), >= 0
 */
public record CosineDecay(int epochs, int warmupEpochs, double minRate) implements LearningRateSchedule {

    public CosineDecay {
        if (warmupEpochs < 0 || epochs <= warmupEpochs) {
            throw new IllegalArgumentException("CosineDecay needs epochs > warm-up epochs >= 0, got " + epochs
                    + " and " + warmupEpochs);
        }
        if (!(minRate >= 0) || !Double.isFinite(minRate)) {
            throw new IllegalArgumentException("CosineDecay minimum rate must be >= 0 and finite, got " + minRate);
        }
    }

    /** Cosine annealing to 0 over {@code epochs}, without warm-up. */
    public static CosineDecay over(int epochs) {
        return new CosineDecay(epochs, 0, 0);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "cosine(epochs=%d, warmup=%d, min=%s)", epochs, warmupEpochs, minRate);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.cosine(this);
    }
}

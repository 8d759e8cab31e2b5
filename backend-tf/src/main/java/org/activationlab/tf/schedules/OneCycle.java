package org.activationlab.tf.schedules;

import java.util.Locale;

/**
 * PyTorch's {@code OneCycleLR} (cosine annealing, two phases) with the optimizer's rate as {@code max_lr}: over
 * {@code T = epochs * stepsPerEpoch} steps the rate rises from {@code max / divFactor} to {@code max} by step
 * {@code pctStart * T - 1}, then falls to {@code max / (divFactor * finalDivFactor)} at step {@code T - 1}, each
 * phase as {@code end + (start - end) * (1 + cos(pi * p)) / 2}. Unlike PyTorch's default it does not cycle the
 * momentum.
 *
 * @param epochs length of the cycle, > 0
 * @param pctStart fraction of the cycle spent rising, in (0, 1)
 * @param divFactor initial rate = max / divFactor, >= 1 (PyTorch: 25)
 * @param finalDivFactor final rate = initial / finalDivFactor, >= 1 (PyTorch: 1e4)
 */
public record OneCycle(int epochs, double pctStart, double divFactor, double finalDivFactor)
        implements LearningRateSchedule {

    public OneCycle {
        if (epochs <= 0) {
            throw new IllegalArgumentException("OneCycle epochs must be > 0, got " + epochs);
        }
        if (!(pctStart > 0 && pctStart < 1)) {
            throw new IllegalArgumentException("OneCycle pctStart must be in (0, 1), got " + pctStart);
        }
        if (!(divFactor >= 1) || !(finalDivFactor >= 1)) {
            throw new IllegalArgumentException("OneCycle division factors must be >= 1, got " + divFactor + " and "
                    + finalDivFactor);
        }
    }

    /** PyTorch's defaults over {@code epochs}: pct_start 0.3, div_factor 25, final_div_factor 1e4. */
    public static OneCycle over(int epochs) {
        return new OneCycle(epochs, 0.3, 25, 1e4);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "one-cycle(epochs=%d, pct_start=%s, div=%s, final_div=%s)", epochs,
                pctStart, divFactor, finalDivFactor);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.oneCycle(this);
    }
}

package org.activationlab.study.records;

import java.util.List;
import java.util.Objects;

/**
 * When a run first reached a loss threshold: the playground experiment's "epochs to converge".
 *
 * @param split the split whose loss is watched after every epoch, e.g. {@code test}
 * @param lossThreshold the loss at or below which the run counts as converged
 * @param epoch the first epoch whose loss was at or below the threshold, 0 if none was
 * @param budget the most epochs the run was allowed
 */
public record Convergence(String split, double lossThreshold, int epoch, int budget) {

    /** The record section that holds the convergence epoch. */
    public static final SectionKey<Convergence> SECTION = SectionKey.of("convergence", Convergence.class);

    public Convergence {
        Objects.requireNonNull(split, "convergence split must not be null");
        if (!(lossThreshold > 0)) {
            throw new IllegalArgumentException("convergence loss threshold must be > 0, got " + lossThreshold);
        }
        if (budget <= 0 || epoch < 0 || epoch > budget) {
            throw new IllegalArgumentException("convergence needs 0 <= epoch <= budget and budget > 0, got epoch "
                    + epoch + " of " + budget);
        }
    }

    /** The first epoch whose validation loss in {@code history} is at or below {@code threshold}. */
    public static Convergence of(String split, double threshold, List<EpochRecord> history, int budget) {
        int epoch = history.stream().filter(e -> e.valLoss() <= threshold).mapToInt(EpochRecord::epoch).findFirst()
                .orElse(0);
        return new Convergence(split, threshold, epoch, budget);
    }

    /** Whether the threshold was reached within the budget. */
    public boolean converged() {
        return epoch > 0;
    }
}

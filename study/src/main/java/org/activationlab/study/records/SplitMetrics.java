package org.activationlab.study.records;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A trained model's metrics on one data split. Precision, recall and F1 are macro averages (unweighted means over
 * classes, scikit-learn's {@code average="macro"}).
 *
 * @param examples number of examples evaluated
 * @param loss mean cross-entropy
 * @param accuracy fraction classified correctly
 * @param precision macro precision
 * @param recall macro recall
 * @param f1 macro F1
 * @param confusionMatrix counts, rows = true class, columns = predicted class
 */
public record SplitMetrics(long examples, double loss, double accuracy, double precision, double recall, double f1,
        long[][] confusionMatrix) {

    public SplitMetrics {
        Objects.requireNonNull(confusionMatrix, "confusion matrix must not be null");
        // copied, so that later changes to the caller's array cannot leak in
        confusionMatrix = copy(confusionMatrix);
        for (long[] row : confusionMatrix) {
            if (row.length != confusionMatrix.length) {
                throw new IllegalArgumentException("confusion_matrix must be square (classes x classes), got a row of "
                        + row.length + " in " + confusionMatrix.length + " rows");
            }
        }
    }

    /** A copy of the counts, so the record stays immutable. */
    @Override
    public long[][] confusionMatrix() {
        return copy(confusionMatrix);
    }

    private static long[][] copy(long[][] counts) {
        long[][] c = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            c[i] = Arrays.copyOf(Objects.requireNonNull(counts[i], "confusion_matrix rows must not be null"),
                    counts[i].length);
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SplitMetrics m
                && examples == m.examples
                && Double.compare(loss, m.loss) == 0
                && Double.compare(accuracy, m.accuracy) == 0
                && Double.compare(precision, m.precision) == 0
                && Double.compare(recall, m.recall) == 0
                && Double.compare(f1, m.f1) == 0
                && Arrays.deepEquals(confusionMatrix, m.confusionMatrix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(examples, loss, accuracy, precision, recall, f1, Arrays.deepHashCode(confusionMatrix));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "SplitMetrics[examples=%d, loss=%s, accuracy=%s, precision=%s, recall=%s, f1=%s, confusionMatrix=%s]",
                examples, loss, accuracy, precision, recall, f1, Arrays.deepToString(confusionMatrix));
    }
}

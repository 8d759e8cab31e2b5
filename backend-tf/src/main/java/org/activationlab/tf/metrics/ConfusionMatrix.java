package org.activationlab.tf.metrics;

import java.util.Arrays;

/**
 * Counts of (true class, predicted class) pairs: {@code counts()[t][p]}. Per-class and macro metrics follow
 * scikit-learn's definitions with {@code zero_division=0}: a class that is never predicted has precision 0, a
 * class that never occurs has recall 0, and F1 is 0 when precision + recall is 0.
 */
public final class ConfusionMatrix {

    private final long[][] counts;

    private ConfusionMatrix(long[][] counts) {
        this.counts = counts;
    }

    /** Builds the matrix from parallel arrays of true and predicted labels in [0, numClasses). */
    public static ConfusionMatrix of(int numClasses, int[] truth, int[] predicted) {
        if (numClasses <= 0) {
            throw new IllegalArgumentException("number of classes must be > 0, got " + numClasses);
        }
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("got " + truth.length + " true labels but " + predicted.length
                    + " predictions");
        }
        long[][] counts = new long[numClasses][numClasses];
        for (int i = 0; i < truth.length; i++) {
            int t = truth[i];
            int p = predicted[i];
            if (t < 0 || t >= numClasses || p < 0 || p >= numClasses) {
                throw new IllegalArgumentException("label pair " + i + " (true " + t + ", predicted " + p
                        + ") is outside [0, " + numClasses + ")");
            }
            counts[t][p]++;
        }
        return new ConfusionMatrix(counts);
    }

    /** Wraps existing counts, e.g. read back from a record. */
    public static ConfusionMatrix ofCounts(long[][] counts) {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != counts.length) {
                throw new IllegalArgumentException("confusion matrix must be square, row " + i + " has "
                        + counts[i].length + " columns for " + counts.length + " rows");
            }
            copy[i] = counts[i].clone();
        }
        return new ConfusionMatrix(copy);
    }

    public int numClasses() {
        return counts.length;
    }

    /** A copy of the counts, rows = true class, columns = predicted class. */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    public long total() {
        return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
    }

    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < counts.length; c++) {
            correct += counts[c][c];
        }
        long total = total();
        return total == 0 ? 0.0 : (double) correct / total;
    }

    /** TP / (TP + FP); 0 when the class is never predicted. */
    public double precision(int c) {
        long predicted = 0;
        for (long[] row : counts) {
            predicted += row[c];
        }
        return predicted == 0 ? 0.0 : (double) counts[c][c] / predicted;
    }

    /** TP / (TP + FN); 0 when the class never occurs. */
    public double recall(int c) {
        long actual = Arrays.stream(counts[c]).sum();
        return actual == 0 ? 0.0 : (double) counts[c][c] / actual;
    }

    /** Harmonic mean of precision and recall; 0 when both are 0. */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    /** Unweighted mean of per-class precision. */
    public double macroPrecision() {
        double s = 0;
        for (int c = 0; c < counts.length; c++) {
            s += precision(c);
        }
        return s / counts.length;
    }

    public double macroRecall() {
        double s = 0;
        for (int c = 0; c < counts.length; c++) {
            s += recall(c);
        }
        return s / counts.length;
    }

    /** Unweighted mean of per-class F1 (scikit-learn's {@code f1_score(average="macro")}). */
    public double macroF1() {
        double s = 0;
        for (int c = 0; c < counts.length; c++) {
            s += f1(c);
        }
        return s / counts.length;
    }
}

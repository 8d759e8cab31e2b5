package org.activationlab.study.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A trained 2-D classifier's probability of the positive class on a square grid, for decision-boundary plots.
 * Rows run from {@code min} to {@code max} in x2 and each row's values from {@code min} to {@code max} in x1;
 * values are stored as one text row of space-separated probabilities with two decimals, which keeps the record
 * readable (a JSON array would take a line per value).
 *
 * @param min lower bound of both coordinates
 * @param max upper bound of both coordinates
 * @param rows {@code n} rows of {@code n} probabilities each
 */
public record DecisionBoundary(double min, double max, List<String> rows) {

    public DecisionBoundary {
        rows = List.copyOf(Objects.requireNonNull(rows, "decision boundary rows must not be null"));
        if (!(max > min)) {
            throw new IllegalArgumentException("decision boundary needs min < max, got " + min + " and " + max);
        }
        for (int r = 0; r < rows.size(); r++) {
            int n = rows.get(r).isBlank() ? 0 : rows.get(r).strip().split(" +").length;
            if (n != rows.size()) {
                throw new IllegalArgumentException("decision boundary row " + r + " has " + n + " values, expected "
                        + rows.size() + " (a square grid)");
            }
        }
    }

    /** Grid points of one axis: {@code n} values from {@code min} to {@code max}. */
    public static double[] axis(double min, double max, int n) {
        if (n < 2) {
            throw new IllegalArgumentException("a decision boundary grid needs at least 2 points per axis, got " + n);
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = min + (max - min) * i / (n - 1);
        }
        return a;
    }

    /**
     * From probabilities laid out row-major ({@code n * n}, x1 fastest).
     */
    public static DecisionBoundary of(double min, double max, int n, float[] positive) {
        if (positive.length != n * n) {
            throw new IllegalArgumentException("expected " + n * n + " probabilities, got " + positive.length);
        }
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            StringBuilder row = new StringBuilder();
            for (int c = 0; c < n; c++) {
                row.append(c == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", positive[r * n + c]));
            }
            rows.add(row.toString());
        }
        return new DecisionBoundary(min, max, rows);
    }

    /** Points per axis. */
    public int size() {
        return rows.size();
    }

    /** The probabilities as {@code [row (x2)][column (x1)]}. */
    public double[][] grid() {
        double[][] g = new double[rows.size()][];
        for (int r = 0; r < g.length; r++) {
            String[] cells = rows.get(r).strip().split(" +");
            g[r] = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                g[r][c] = Double.parseDouble(cells[c]);
            }
        }
        return g;
    }
}

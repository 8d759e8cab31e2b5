package org.activationlab.study.records;

import java.util.ArrayList;
import java.util.Arrays;
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
 * @param points the labelled points drawn over the boundary (the run's test set), or {@code null}
 */
public record DecisionBoundary(double min, double max, List<String> rows, Points points) {

    /** The record section that holds the boundary. */
    public static final SectionKey<DecisionBoundary> SECTION = SectionKey.of("boundary", DecisionBoundary.class);

    /**
     * Labelled 2-D points, as columns.
     *
     * @param x1 first coordinates
     * @param x2 second coordinates
     * @param labels class of each point, 0 or 1
     */
    public record Points(float[] x1, float[] x2, int[] labels) {

        public Points {
            x1 = x1.clone();
            x2 = x2.clone();
            labels = labels.clone();
            if (x2.length != x1.length || labels.length != x1.length) {
                throw new IllegalArgumentException("boundary.points needs as many x1, x2 and labels, got " + x1.length
                        + ", " + x2.length + " and " + labels.length);
            }
        }

        /** From interleaved features {@code [x1, x2, x1, x2, ...]} and labels. */
        public static Points of(float[] features, int[] labels) {
            float[] a = new float[labels.length];
            float[] b = new float[labels.length];
            for (int i = 0; i < labels.length; i++) {
                a[i] = features[2 * i];
                b[i] = features[2 * i + 1];
            }
            return new Points(a, b, labels);
        }

        /** The features interleaved again, {@code [x1, x2, x1, x2, ...]}. */
        public float[] features() {
            float[] f = new float[2 * labels.length];
            for (int i = 0; i < labels.length; i++) {
                f[2 * i] = x1[i];
                f[2 * i + 1] = x2[i];
            }
            return f;
        }

        @Override
        public float[] x1() {
            return x1.clone();
        }

        @Override
        public float[] x2() {
            return x2.clone();
        }

        @Override
        public int[] labels() {
            return labels.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Points p && Arrays.equals(x1, p.x1) && Arrays.equals(x2, p.x2)
                    && Arrays.equals(labels, p.labels);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.hashCode(x1) + Arrays.hashCode(x2)) + Arrays.hashCode(labels);
        }

        @Override
        public String toString() {
            return "Points[" + labels.length + "]";
        }
    }

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
    public static DecisionBoundary of(double min, double max, int n, float[] positive, Points points) {
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
        return new DecisionBoundary(min, max, rows, points);
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

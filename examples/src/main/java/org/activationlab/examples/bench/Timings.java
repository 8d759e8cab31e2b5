package org.activationlab.examples.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The measured seconds of one variant's timed epochs, in the order they ran.
 *
 * @param seconds at least one measurement
 */
public record Timings(List<Double> seconds) {

    public Timings {
        seconds = List.copyOf(seconds);
        if (seconds.isEmpty()) {
            throw new IllegalArgumentException("no timings");
        }
    }

    public static Timings of(double... seconds) {
        return new Timings(Arrays.stream(seconds).boxed().toList());
    }

    /** The middle value, or the mean of the two middle values for an even count. */
    public double median() {
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public double min() {
        return seconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    public double max() {
        return seconds.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }
}

package org.activationlab.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Per-channel mean and standard deviation of a dataset's features, for normalising every split
 * with the statistics of the training split ({@link Dataset#normalized}). The channel is the last
 * axis of the sample shape, e.g. RGB for {@code [32, 32, 3]}.
 *
 * @param mean mean of each channel
 * @param std population standard deviation of each channel, each positive
 */
public record ChannelStats(double[] mean, double[] std) {

    /**
     * Validates and copies the arrays.
     *
     * @throws IllegalArgumentException if the arrays are empty or differ in length, a value is not
     *     finite, or a standard deviation is not positive (normalising would divide by it)
     */
    public ChannelStats {
        mean = Objects.requireNonNull(mean, "mean").clone();
        std = Objects.requireNonNull(std, "std").clone();
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("channel statistics need one mean and one std per channel, got "
                    + mean.length + " means and " + std.length + " stds");
        }
        for (int c = 0; c < mean.length; c++) {
            if (!Double.isFinite(mean[c]) || !Double.isFinite(std[c]) || std[c] <= 0) {
                throw new IllegalArgumentException("channel " + c + " has mean " + mean[c] + " and std " + std[c]
                        + "; expected finite values and a positive std, since normalising divides by it");
            }
        }
    }

    /**
     * The statistics of {@code train} over all its samples and positions: for each channel, the mean
     * and the population standard deviation (dividing by the count, not count - 1) of its values.
     *
     * @throws IllegalArgumentException if {@code train} is empty or a channel is constant (std 0)
     */
    public static ChannelStats of(Dataset train) {
        int[] shape = train.sampleShape();
        int channels = shape[shape.length - 1];
        float[] features = train.features();
        if (features.length == 0) {
            throw new IllegalArgumentException("cannot compute channel statistics of the empty dataset '"
                    + train.name() + "'");
        }
        long count = features.length / channels;
        // Two passes (mean, then squared deviations) in double: the one-pass sum-of-squares formula
        // loses most digits to cancellation over tens of millions of values.
        double[] mean = new double[channels];
        for (int base = 0; base < features.length; base += channels) {
            for (int c = 0; c < channels; c++) {
                mean[c] += features[base + c];
            }
        }
        for (int c = 0; c < channels; c++) {
            mean[c] /= count;
        }
        double[] squares = new double[channels];
        for (int base = 0; base < features.length; base += channels) {
            for (int c = 0; c < channels; c++) {
                double d = features[base + c] - mean[c];
                squares[c] += d * d;
            }
        }
        double[] std = new double[channels];
        for (int c = 0; c < channels; c++) {
            std[c] = Math.sqrt(squares[c] / count);
            if (std[c] == 0) {
                throw new IllegalArgumentException("channel " + c + " of dataset '" + train.name() + "' has the same"
                        + " value " + mean[c] + " everywhere, so its standard deviation is 0 and it cannot be"
                        + " normalised; drop the channel or leave the dataset unnormalised");
            }
        }
        return new ChannelStats(mean, std);
    }

    /** A copy of the per-channel means. */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** A copy of the per-channel standard deviations. */
    @Override
    public double[] std() {
        return std.clone();
    }

    /** Number of channels. */
    public int channels() {
        return mean.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelStats other && Arrays.equals(mean, other.mean) && Arrays.equals(std, other.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    /** E.g. {@code "mean [0.49140, 0.48216, 0.44653], std [0.24703, 0.24349, 0.26159]"}. */
    @Override
    public String toString() {
        return "mean " + format(mean) + ", std " + format(std);
    }

    private static String format(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.5f", v))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}

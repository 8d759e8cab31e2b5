package org.activationlab.tf.saving;

import java.util.Arrays;
import java.util.Locale;

/**
 * How raw pixel values became the model's inputs when it was trained: {@code (pixel * scale - mean[c]) / std[c]}
 * for channel {@code c}, e.g. scale 1/255 with mean 0 and std 1 for MNIST, or CIFAR-10's per-channel statistics.
 * Saved with a model so that {@code predict} feeds new images the way training did.
 *
 * @param scale the factor applied to raw pixels first (1/255 for 8-bit images)
 * @param mean per-channel mean subtracted after scaling
 * @param std per-channel standard deviation divided by, each > 0
 */
public record Preprocessing(double scale, double[] mean, double[] std) {

    public Preprocessing {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("preprocessing scale must be > 0 and finite, got " + scale);
        }
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("preprocessing needs one mean and one std per channel, got "
                    + mean.length + " and " + std.length);
        }
        for (double s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("preprocessing std must be > 0 per channel, got "
                        + Arrays.toString(std));
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** 8-bit pixels scaled to [0, 1] and nothing else, for {@code channels} channels. */
    public static Preprocessing unitRange(int channels) {
        double[] zeros = new double[channels];
        double[] ones = new double[channels];
        Arrays.fill(ones, 1);
        return new Preprocessing(1 / 255.0, zeros, ones);
    }

    /** 8-bit pixels scaled to [0, 1], then normalised with per-channel statistics (of the scaled pixels). */
    public static Preprocessing normalised(double[] mean, double[] std) {
        return new Preprocessing(1 / 255.0, mean, std);
    }

    public int channels() {
        return mean.length;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    /** The model input of raw interleaved pixels (HWC, channel last), as a new array. */
    public float[] apply(float[] pixels) {
        if (pixels.length % mean.length != 0) {
            throw new IllegalArgumentException(pixels.length + " values are not a whole number of " + mean.length
                    + "-channel pixels");
        }
        float[] out = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            int c = i % mean.length;
            out[i] = (float) ((pixels[i] * scale - mean[c]) / std[c]);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocessing p && p.scale == scale && Arrays.equals(p.mean, mean)
                && Arrays.equals(p.std, std);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(scale) * 31 + Arrays.hashCode(mean) * 17 + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "pixels x %s, minus mean %s, divided by std %s", scale,
                Arrays.toString(mean), Arrays.toString(std));
    }
}

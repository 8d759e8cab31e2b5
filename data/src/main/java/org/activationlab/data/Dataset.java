package org.activationlab.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable, in-memory labelled dataset for classification.
 *
 * <p>Features are stored row-major in one flat {@code float[]}: sample {@code i} occupies
 * {@code features[i * sampleSize() .. (i + 1) * sampleSize())}, laid out in the order of
 * {@link #sampleShape()}. Image datasets store pixel values scaled to [0, 1], unless
 * {@linkplain #normalized normalised}.
 */
public final class Dataset {

    private final String name;
    private final float[] features;
    private final int[] labels;
    private final int[] sampleShape;
    private final int sampleSize;
    private final List<String> classNames;
    private final String source;
    /** The last {@link #take} result: runs that ask for the same prefix get one object, which a backend can share. */
    private volatile Dataset lastTake;

    /**
     * Creates a dataset. The {@code features} array is taken over without copying (datasets can be
     * hundreds of megabytes), so the caller must not modify it afterwards; all other arguments are
     * copied.
     *
     * @param name short name used in logs and reports, e.g. {@code "mnist-train"}
     * @param features {@code labels.length * product(sampleShape)} values, row-major
     * @param labels one class index per sample, each in {@code [0, classNames.size())}
     * @param sampleShape shape of one sample, e.g. {@code {28, 28, 1}}; every dimension positive
     * @param classNames human-readable class names; the label is the index into this list
     * @param source human-readable origin of the data, for provenance in reports
     * @throws IllegalArgumentException if the lengths, shape or labels are inconsistent
     */
    public Dataset(String name, float[] features, int[] labels, int[] sampleShape,
                   List<String> classNames, String source) {
        this.name = Objects.requireNonNull(name, "name");
        this.features = Objects.requireNonNull(features, "features");
        this.labels = Objects.requireNonNull(labels, "labels").clone();
        this.sampleShape = Objects.requireNonNull(sampleShape, "sampleShape").clone();
        this.classNames = List.copyOf(Objects.requireNonNull(classNames, "classNames"));
        this.source = Objects.requireNonNull(source, "source");

        if (this.sampleShape.length == 0) {
            throw new IllegalArgumentException(
                    "dataset '" + name + "': sampleShape must have at least one dimension");
        }
        long size = 1;
        for (int dim : this.sampleShape) {
            if (dim <= 0) {
                throw new IllegalArgumentException("dataset '" + name + "': sampleShape "
                        + Arrays.toString(this.sampleShape) + " has a non-positive dimension");
            }
            size *= dim;
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("dataset '" + name + "': sampleShape "
                    + Arrays.toString(this.sampleShape) + " has more than 2^31-1 elements");
        }
        this.sampleSize = (int) size;
        if (this.classNames.isEmpty()) {
            throw new IllegalArgumentException("dataset '" + name + "': classNames is empty");
        }
        long expected = (long) this.labels.length * sampleSize;
        if (features.length != expected) {
            throw new IllegalArgumentException("dataset '" + name + "': features has " + features.length
                    + " values, expected " + expected + " (" + this.labels.length + " labels x sample size "
                    + sampleSize + " for shape " + Arrays.toString(this.sampleShape) + ")");
        }
        int numClasses = this.classNames.size();
        for (int i = 0; i < this.labels.length; i++) {
            int label = this.labels[i];
            if (label < 0 || label >= numClasses) {
                throw new IllegalArgumentException("dataset '" + name + "': label " + label + " at index " + i
                        + " is outside [0, " + numClasses + ")");
            }
        }
    }

    /** Short name used in logs and reports. */
    public String name() {
        return name;
    }

    /**
     * The internal row-major feature array, returned without copying so that backends can feed it
     * zero-copy. Callers must not modify it.
     */
    public float[] features() {
        return features;
    }

    /** A copy of the labels, one class index per sample. */
    public int[] labels() {
        return labels.clone();
    }

    /** The label of sample {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** A copy of the shape of one sample, e.g. {@code {28, 28, 1}}. */
    public int[] sampleShape() {
        return sampleShape.clone();
    }

    /** Number of values per sample: the product of {@link #sampleShape()}. */
    public int sampleSize() {
        return sampleSize;
    }

    /** Number of samples. */
    public int size() {
        return labels.length;
    }

    /** Number of classes, i.e. {@code classNames().size()}. */
    public int numClasses() {
        return classNames.size();
    }

    /** Unmodifiable class names; a label is an index into this list. */
    public List<String> classNames() {
        return classNames;
    }

    /** Human-readable origin of the data, e.g. where it was downloaded from and how it was verified. */
    public String source() {
        return source;
    }

    /**
     * A new dataset holding copies of the given samples, in the given order (repeats allowed).
     *
     * @throws IndexOutOfBoundsException if an index is outside {@code [0, size())}
     */
    public Dataset subset(int[] indices, String name) {
        float[] newFeatures = new float[Math.multiplyExact(indices.length, sampleSize)];
        int[] newLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int index = Objects.checkIndex(indices[i], labels.length);
            System.arraycopy(features, index * sampleSize, newFeatures, i * sampleSize, sampleSize);
            newLabels[i] = labels[index];
        }
        return new Dataset(name, newFeatures, newLabels, sampleShape, classNames, source);
    }

    /**
     * The first {@code n} samples, named {@code "<name>[:n]"}; asked for the same {@code n} again, the same object
     * (so that runs side by side, each taking the prefix, share one copy of it).
     *
     * @throws IllegalArgumentException if {@code n} is negative or larger than {@link #size()}
     */
    public Dataset take(int n) {
        if (n < 0 || n > size()) {
            throw new IllegalArgumentException(
                    "cannot take " + n + " samples from dataset '" + name + "' of size " + size());
        }
        Dataset last = lastTake;
        if (last != null && last.size() == n) {
            return last;
        }
        // two threads taking at once may each build one: both are equal, and the later one is kept
        Dataset taken = new Dataset(name + "[:" + n + "]", Arrays.copyOf(features, n * sampleSize),
                Arrays.copyOf(labels, n), sampleShape, classNames, source);
        lastTake = taken;
        return taken;
    }

    /**
     * The samples of {@code a} followed by those of {@code b}. Both must have the same sample shape
     * and class names; the source is {@code a}'s if both agree, otherwise both joined by {@code " + "}.
     */
    public static Dataset concat(String name, Dataset a, Dataset b) {
        if (!Arrays.equals(a.sampleShape, b.sampleShape)) {
            throw new IllegalArgumentException("cannot concatenate '" + a.name + "' and '" + b.name
                    + "': sample shapes differ " + Arrays.toString(a.sampleShape) + " vs "
                    + Arrays.toString(b.sampleShape));
        }
        if (!a.classNames.equals(b.classNames)) {
            throw new IllegalArgumentException("cannot concatenate '" + a.name + "' and '" + b.name
                    + "': class names differ " + a.classNames + " vs " + b.classNames);
        }
        float[] features = Arrays.copyOf(a.features, Math.addExact(a.features.length, b.features.length));
        System.arraycopy(b.features, 0, features, a.features.length, b.features.length);
        int[] labels = Arrays.copyOf(a.labels, a.labels.length + b.labels.length);
        System.arraycopy(b.labels, 0, labels, a.labels.length, b.labels.length);
        String source = a.source.equals(b.source) ? a.source : a.source + " + " + b.source;
        return new Dataset(name, features, labels, a.sampleShape, a.classNames, source);
    }

    /**
     * A new dataset with every value {@code x} of channel {@code c} (the last axis of the sample
     * shape) replaced by {@code (x - mean[c]) / std[c]}; name, labels and shape are kept and the
     * source records the normalisation. Use the training split's statistics for every split.
     *
     * @throws IllegalArgumentException if {@code stats} has a different number of channels
     */
    public Dataset normalized(ChannelStats stats) {
        int channels = sampleShape[sampleShape.length - 1];
        if (stats.channels() != channels) {
            throw new IllegalArgumentException("cannot normalise dataset '" + name + "' with sample shape "
                    + Arrays.toString(sampleShape) + " (" + channels + " channels in the last axis) using statistics"
                    + " for " + stats.channels() + " channels");
        }
        double[] mean = stats.mean();
        double[] std = stats.std();
        float[] normalized = new float[features.length];
        for (int base = 0; base < features.length; base += channels) {
            for (int c = 0; c < channels; c++) {
                normalized[base + c] = (float) ((features[base + c] - mean[c]) / std[c]);
            }
        }
        return new Dataset(name, normalized, labels, sampleShape, classNames,
                source + "; normalised per channel as (x - mean) / std with " + stats);
    }

    /** Number of samples per class, indexed by label. */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", " + size() + " x " + Arrays.toString(sampleShape) + ", "
                + numClasses() + " classes, " + source + "]";
    }
}

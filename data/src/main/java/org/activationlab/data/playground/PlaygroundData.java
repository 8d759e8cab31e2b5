package org.activationlab.data.playground;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.activationlab.data.Dataset;
import org.activationlab.data.TrainTest;
import org.activationlab.data.split.Splits;

/**
 * TensorFlow Playground's 2-D classification datasets, generated as playground.tensorflow.org's
 * generators do, but seeded with {@link SplittableRandom} so every dataset is reproducible.
 *
 * <p>Samples have shape {@code {2}} (features x1, x2, roughly in [-6, 6]) and two classes: label 0
 * {@code "negative"} (the playground's -1) and label 1 {@code "positive"} (its +1). The playground's
 * defaults are {@link #DEFAULT_SAMPLES} samples, noise {@link #DEFAULT_NOISE} (its slider's 0-50%
 * is noise 0-0.5 here) and {@link #DEFAULT_TRAIN_FRACTION} of them for training.
 *
 * <p>As in the playground, noise means different things per shape. For {@link PlaygroundShape#CIRCLE}
 * and {@link PlaygroundShape#XOR} the stored point is the clean one and only its label is taken
 * from a jittered copy, so noise flips labels near the class boundary. For
 * {@link PlaygroundShape#GAUSSIAN} it widens the blobs and for {@link PlaygroundShape#SPIRAL} it
 * jitters the points. Class balance: gaussian and spiral always have exactly {@code samples / 2}
 * points per class, circle too at noise 0 (noise then flips some labels), while xor labels points
 * uniform over the square by quadrant, so its classes are balanced only in expectation, at any noise.
 *
 * <p>Differences from the playground: the random generator (so the points differ from the web
 * page's for any seed); Gaussian draws come from {@link SplittableRandom#nextGaussian()} instead of
 * the Marsaglia polar method; samples must be even (the playground would silently round the
 * per-class counts). Points are returned in generation order (positives first for circle, Gaussian
 * and spiral); {@link #split} shuffles them.
 */
public final class PlaygroundData {

    /** The playground's number of points per dataset. */
    public static final int DEFAULT_SAMPLES = 500;
    /** The playground's default share of the points used for training (its "ratio of training to test data"). */
    public static final double DEFAULT_TRAIN_FRACTION = 0.5;
    /** The playground's default noise. */
    public static final double DEFAULT_NOISE = 0.0;
    /** The largest noise, the playground slider's 50%. */
    public static final double MAX_NOISE = 0.5;

    /** Class names; the index is the label. */
    public static final List<String> CLASS_NAMES = List.of("negative", "positive");

    private static final int NEGATIVE = 0;
    private static final int POSITIVE = 1;
    private static final double CIRCLE_RADIUS = 5;
    private static final double XOR_HALF_WIDTH = 5;
    private static final double XOR_PADDING = 0.3;
    private static final double GAUSSIAN_CENTRE = 2;
    private static final double SPIRAL_RADIUS = 5;
    private static final double SPIRAL_TURNS = 1.75;
    /** Slack for {@code floor(n * trainFraction)}, so that e.g. 0.29 of 100 is 29, not 28. */
    private static final double SPLIT_SLACK = 1e-9;

    private PlaygroundData() {
    }

    /**
     * Generates {@code samples} points of {@code shape}, named {@code "playground-<shape>"}.
     *
     * <ul>
     *   <li>circle: half the points at radius uniform in [0, 2.5), half in [3.5, 5), angle uniform;
     *       label positive iff the point moved by uniform(-5, 5) * noise in x and in y is within
     *       radius 2.5 of the origin.</li>
     *   <li>xor: x and y uniform in [-5, 5), each pushed 0.3 away from its axis; label positive iff
     *       {@code x' * y' >= 0} for the point moved by uniform(-5, 5) * noise in x and in y.</li>
     *   <li>gaussian: half the points normal around (2, 2), positive, half around (-2, -2),
     *       negative, each coordinate with variance {@code 0.5 + 7 * noise} (the playground maps
     *       noise [0, 0.5] linearly onto the variance [0.5, 4]).</li>
     *   <li>spiral: two arms of {@code n = samples / 2} points; point {@code i} of an arm at radius
     *       {@code 5 i / n} and angle {@code 1.75 * 2 pi * i / n + delta} ({@code x = r sin t},
     *       {@code y = r cos t}), plus uniform(-1, 1) * noise in x and in y; delta 0 is positive,
     *       delta pi negative.</li>
     * </ul>
     *
     * @param samples even and at least 2
     * @param noise in [0, 0.5]
     * @throws IllegalArgumentException if {@code samples} or {@code noise} is out of range
     */
    public static Dataset generate(PlaygroundShape shape, int samples, double noise, long seed) {
        Objects.requireNonNull(shape, "shape");
        if (samples < 2 || samples % 2 != 0) {
            throw new IllegalArgumentException("playground samples must be an even number >= 2, got " + samples);
        }
        if (!(noise >= 0 && noise <= MAX_NOISE)) {
            throw new IllegalArgumentException("playground noise must be in [0, " + MAX_NOISE + "], got " + noise);
        }
        Points points = new Points(samples);
        SplittableRandom random = new SplittableRandom(seed);
        switch (shape) {
            case CIRCLE -> circle(points, samples, noise, random);
            case XOR -> xor(points, samples, noise, random);
            case GAUSSIAN -> gaussian(points, samples, noise, random);
            case SPIRAL -> spiral(points, samples, noise, random);
            default -> throw new IllegalStateException("no generator for " + shape);
        }
        String source = String.format(Locale.ROOT,
                "TensorFlow Playground '%s' generator: %d samples, noise %s, seed %d",
                shape.cliName(), samples, noise, seed);
        return new Dataset("playground-" + shape.cliName(), points.features, points.labels, new int[] {2},
                CLASS_NAMES, source);
    }

    /**
     * Shuffles {@code data} with {@code seed} and splits it as the playground does: the first
     * {@code floor(size * trainFraction)} samples train, the rest test; named
     * {@code "<name>-train"} and {@code "<name>-test"}. Not stratified (for that, see
     * {@link Splits#stratified}).
     *
     * @param trainFraction in [0, 1]; the playground's default is {@link #DEFAULT_TRAIN_FRACTION}
     * @throws IllegalArgumentException if {@code trainFraction} is out of range
     */
    public static TrainTest split(Dataset data, double trainFraction, long seed) {
        Objects.requireNonNull(data, "data");
        if (!(trainFraction >= 0 && trainFraction <= 1)) {
            throw new IllegalArgumentException("playground train fraction must be in [0, 1], got " + trainFraction);
        }
        int n = data.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Splits.shuffle(order, new SplittableRandom(seed));
        int trainSize = Math.min(n, (int) Math.floor(n * trainFraction + SPLIT_SLACK));
        int[] train = new int[trainSize];
        int[] test = new int[n - trainSize];
        System.arraycopy(order, 0, train, 0, trainSize);
        System.arraycopy(order, trainSize, test, 0, test.length);
        return new TrainTest(data.subset(train, data.name() + "-train"), data.subset(test, data.name() + "-test"));
    }

    private static void circle(Points points, int samples, double noise, SplittableRandom random) {
        double inner = CIRCLE_RADIUS * 0.5;
        double[][] radiusRanges = {{0, inner}, {CIRCLE_RADIUS * 0.7, CIRCLE_RADIUS}};
        for (double[] range : radiusRanges) {
            for (int i = 0; i < samples / 2; i++) {
                double r = uniform(random, range[0], range[1]);
                double angle = uniform(random, 0, 2 * Math.PI);
                double x = r * Math.sin(angle);
                double y = r * Math.cos(angle);
                double noisyX = x + uniform(random, -CIRCLE_RADIUS, CIRCLE_RADIUS) * noise;
                double noisyY = y + uniform(random, -CIRCLE_RADIUS, CIRCLE_RADIUS) * noise;
                points.add(x, y, Math.hypot(noisyX, noisyY) < inner ? POSITIVE : NEGATIVE);
            }
        }
    }

    private static void xor(Points points, int samples, double noise, SplittableRandom random) {
        for (int i = 0; i < samples; i++) {
            double x = uniform(random, -XOR_HALF_WIDTH, XOR_HALF_WIDTH);
            x += x > 0 ? XOR_PADDING : -XOR_PADDING;
            double y = uniform(random, -XOR_HALF_WIDTH, XOR_HALF_WIDTH);
            y += y > 0 ? XOR_PADDING : -XOR_PADDING;
            double noisyX = x + uniform(random, -XOR_HALF_WIDTH, XOR_HALF_WIDTH) * noise;
            double noisyY = y + uniform(random, -XOR_HALF_WIDTH, XOR_HALF_WIDTH) * noise;
            points.add(x, y, noisyX * noisyY >= 0 ? POSITIVE : NEGATIVE);
        }
    }

    private static void gaussian(Points points, int samples, double noise, SplittableRandom random) {
        double variance = 0.5 + (4 - 0.5) * (noise / MAX_NOISE);
        double std = Math.sqrt(variance);
        double[][] centres = {{GAUSSIAN_CENTRE, GAUSSIAN_CENTRE, POSITIVE},
                {-GAUSSIAN_CENTRE, -GAUSSIAN_CENTRE, NEGATIVE}};
        for (double[] centre : centres) {
            for (int i = 0; i < samples / 2; i++) {
                double x = random.nextGaussian(centre[0], std);
                double y = random.nextGaussian(centre[1], std);
                points.add(x, y, (int) centre[2]);
            }
        }
    }

    private static void spiral(Points points, int samples, double noise, SplittableRandom random) {
        int n = samples / 2;
        double[][] arms = {{0, POSITIVE}, {Math.PI, NEGATIVE}};
        for (double[] arm : arms) {
            for (int i = 0; i < n; i++) {
                double r = (double) i / n * SPIRAL_RADIUS;
                double t = SPIRAL_TURNS * i / n * 2 * Math.PI + arm[0];
                double x = r * Math.sin(t) + uniform(random, -1, 1) * noise;
                double y = r * Math.cos(t) + uniform(random, -1, 1) * noise;
                points.add(x, y, (int) arm[1]);
            }
        }
    }

    /** Uniform in [a, b), as the playground's {@code randUniform}. */
    private static double uniform(SplittableRandom random, double a, double b) {
        return a + random.nextDouble() * (b - a);
    }

    /** Flat feature and label arrays filled in order. */
    private static final class Points {
        final float[] features;
        final int[] labels;
        private int count;

        Points(int samples) {
            features = new float[2 * samples];
            labels = new int[samples];
        }

        void add(double x, double y, int label) {
            features[2 * count] = (float) x;
            features[2 * count + 1] = (float) y;
            labels[count++] = label;
        }
    }
}

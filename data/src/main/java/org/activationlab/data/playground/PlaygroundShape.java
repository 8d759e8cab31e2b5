package org.activationlab.data.playground;

import java.util.Arrays;
import java.util.Locale;

/**
 * The four classification datasets of TensorFlow Playground (playground.tensorflow.org), generated
 * by {@link PlaygroundData#generate}.
 */
public enum PlaygroundShape {

    /** A disc of positives (radius below 2.5) inside a ring of negatives (radius 3.5 to 5). */
    CIRCLE,
    /** Positives in the first and third quadrants, negatives in the second and fourth. */
    XOR,
    /** Two Gaussian blobs: positives around (2, 2), negatives around (-2, -2). */
    GAUSSIAN,
    /** Two interleaved spiral arms, half a turn apart. */
    SPIRAL;

    /** The lowercase name used on the command line, e.g. {@code "circle"}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The shape whose {@link #cliName()} is {@code text} (ignoring case and surrounding blanks).
     *
     * @throws IllegalArgumentException naming {@code text} and the valid names
     */
    public static PlaygroundShape parse(String text) {
        if (text != null) {
            String wanted = text.trim();
            for (PlaygroundShape shape : values()) {
                if (shape.cliName().equalsIgnoreCase(wanted)) {
                    return shape;
                }
            }
        }
        throw new IllegalArgumentException("unknown playground shape '" + text + "'; use one of "
                + Arrays.stream(values()).map(PlaygroundShape::cliName).toList());
    }
}

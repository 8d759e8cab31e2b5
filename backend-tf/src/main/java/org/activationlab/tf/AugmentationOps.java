package org.activationlab.tf;

import java.util.List;
import org.activationlab.tf.training.Augmentation;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.image.CropAndResize;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * {@link Augmentation} as graph ops. One {@code CropAndResize} does both the crop and the flip: a box whose
 * corners fall on whole pixels of the padded image, sampled with nearest-neighbour at the original size, is an
 * exact crop, and a box with its left and right edges swapped is the mirrored crop.
 */
final class AugmentationOps {

    private AugmentationOps() {
    }

    /**
     * Random crops and flips of an NHWC batch of {@code height x width} images, drawn from {@code seed} (a pair).
     */
    static Operand<TFloat32> apply(Ops tf, Operand<TFloat32> images, Augmentation a, int height, int width,
            Operand<TInt64> seed) {
        Operand<TInt32> batch = tf.slice(tf.shape(images), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
        Operand<TInt32> offsetY = randomInts(tf, batch, 2 * a.padding() + 1, tf.math.add(seed, tf.constant(new long[] {0, 0})));
        Operand<TInt32> offsetX = randomInts(tf, batch, 2 * a.padding() + 1, tf.math.add(seed, tf.constant(new long[] {1, 0})));
        Operand<TInt32> flip = a.horizontalFlip()
                ? randomInts(tf, batch, 2, tf.math.add(seed, tf.constant(new long[] {2, 0})))
                : tf.fill(batch, tf.constant(0));
        return cropAndFlip(tf, images, a.padding(), height, width, offsetY, offsetX, flip);
    }

    /** Uniform integers in {@code [0, bound)}, one per sample. */
    private static Operand<TInt32> randomInts(Ops tf, Operand<TInt32> batch, int bound, Operand<TInt64> seed) {
        return tf.random.statelessRandomUniformInt(batch, seed, tf.constant(0), tf.constant(bound));
    }

    /**
     * Pads each image by {@code padding} zeros per side and cuts the {@code height x width} window whose top-left
     * corner is at ({@code offsetY}, {@code offsetX}) of the padded image, mirrored where {@code flip} is 1.
     * Offsets equal to {@code padding} with no flip give back the input.
     */
    static Operand<TFloat32> cropAndFlip(Ops tf, Operand<TFloat32> images, int padding, int height, int width,
            Operand<TInt32> offsetY, Operand<TInt32> offsetX, Operand<TInt32> flip) {
        Operand<TFloat32> padded = padding == 0 ? images : tf.pad(images,
                tf.constant(new int[][] {{0, 0}, {padding, padding}, {padding, padding}, {0, 0}}), tf.constant(0f));
        // normalised coordinates: 0 is the first pixel's centre, 1 the last's
        float scaleY = Math.max(1, height + 2 * padding - 1);
        float scaleX = Math.max(1, width + 2 * padding - 1);
        Operand<TFloat32> y1 = tf.math.div(tf.dtypes.cast(offsetY, TFloat32.class), tf.constant(scaleY));
        Operand<TFloat32> y2 = tf.math.add(y1, tf.constant((height - 1) / scaleY));
        Operand<TFloat32> left = tf.math.div(tf.dtypes.cast(offsetX, TFloat32.class), tf.constant(scaleX));
        Operand<TFloat32> right = tf.math.add(left, tf.constant((width - 1) / scaleX));
        Operand<TFloat32> flipped = tf.dtypes.cast(flip, TFloat32.class);
        Operand<TFloat32> notFlipped = tf.math.sub(tf.constant(1f), flipped);
        Operand<TFloat32> x1 = tf.math.add(tf.math.mul(left, notFlipped), tf.math.mul(right, flipped));
        Operand<TFloat32> x2 = tf.math.add(tf.math.mul(right, notFlipped), tf.math.mul(left, flipped));
        Operand<TFloat32> boxes = tf.stack(List.of(y1, x1, y2, x2), org.tensorflow.op.core.Stack.axis(1L));
        Operand<TInt32> boxIndex = tf.range(tf.constant(0), tf.reshape(tf.slice(tf.shape(images),
                tf.constant(new int[] {0}), tf.constant(new int[] {1})), tf.constant(new int[0])), tf.constant(1));
        return tf.image.cropAndResize(padded, boxes, boxIndex, tf.constant(new int[] {height, width}),
                CropAndResize.method("nearest"));
    }
}

package org.activationlab.tf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.activationlab.tf.training.Augmentation;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Crops and flips of a batch of two 4x5 RGB images, checked pixel by pixel against Java indexing. */
class AugmentationOpsTest {

    private static final int N = 2;
    private static final int H = 4;
    private static final int W = 5;
    private static final int C = 3;

    private final float[] images = new float[N * H * W * C];

    AugmentationOpsTest() {
        for (int i = 0; i < images.length; i++) {
            images[i] = i + 1;
        }
    }

    private float pixel(float[] batch, int n, int y, int x, int c) {
        return batch[((n * H + y) * W + x) * C + c];
    }

    private float[] crop(int padding, int[] offsetY, int[] offsetX, int[] flip) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> out = AugmentationOps.cropAndFlip(tf, tf.constant(images4d()), padding, H, W,
                    tf.constant(offsetY), tf.constant(offsetX), tf.constant(flip));
            return run(g, out);
        }
    }

    private org.tensorflow.ndarray.FloatNdArray images4d() {
        return org.tensorflow.ndarray.NdArrays.wrap(Shape.of(N, H, W, C), DataBuffers.of(images, true, false));
    }

    private static float[] run(Graph g, Operand<TFloat32> out) {
        try (Session s = new Session(g); Result r = s.runner().fetch(out).run()) {
            TFloat32 t = (TFloat32) r.get(0);
            assertEquals(Shape.of(N, H, W, C), t.shape());
            float[] values = new float[N * H * W * C];
            t.copyTo(DataBuffers.of(values, false, false));
            return values;
        }
    }

    @Test
    void centredCropWithoutFlipIsTheIdentity() {
        assertArrayEquals(images, crop(4, new int[] {4, 4}, new int[] {4, 4}, new int[] {0, 0}));
        assertArrayEquals(images, crop(0, new int[] {0, 0}, new int[] {0, 0}, new int[] {0, 0}));
    }

    @Test
    void flipMirrorsOnlyTheFlaggedImagesLeftRight() {
        float[] out = crop(2, new int[] {2, 2}, new int[] {2, 2}, new int[] {0, 1});
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                for (int c = 0; c < C; c++) {
                    assertEquals(pixel(images, 0, y, x, c), pixel(out, 0, y, x, c));
                    assertEquals(pixel(images, 1, y, W - 1 - x, c), pixel(out, 1, y, x, c));
                }
            }
        }
    }

    @Test
    void offsetCropShiftsInZeroPadding() {
        // image 0 cut at the padded image's top-left corner, image 1 at its bottom-right
        float[] out = crop(1, new int[] {0, 2}, new int[] {0, 2}, new int[] {0, 0});
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                for (int c = 0; c < C; c++) {
                    float topLeft = y == 0 || x == 0 ? 0 : pixel(images, 0, y - 1, x - 1, c);
                    float bottomRight = y == H - 1 || x == W - 1 ? 0 : pixel(images, 1, y + 1, x + 1, c);
                    assertEquals(topLeft, pixel(out, 0, y, x, c), "image 0 at " + y + "," + x);
                    assertEquals(bottomRight, pixel(out, 1, y, x, c), "image 1 at " + y + "," + x);
                }
            }
        }
    }

    @Test
    void randomAugmentationKeepsTheShapeAndDrawsAValidCrop() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> out = AugmentationOps.apply(tf, tf.constant(images4d()), new Augmentation(1, true), H, W,
                    tf.constant(new long[] {7, 3}));
            float[] values = run(g, out);
            for (int n = 0; n < N; n++) {
                assertTrue(matchesSomeCrop(values, n, 1), "image " + n + " is no crop of the padded input");
            }
        }
    }

    @Test
    void inactiveAugmentationIsIdentityAndNegativePaddingIsRejected() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> out = AugmentationOps.apply(tf, tf.constant(images4d()), new Augmentation(0, false), H,
                    W, tf.constant(new long[] {1, 1}));
            assertArrayEquals(images, run(g, out));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Augmentation(-1, true));
        assertEquals("augmentation padding must be >= 0 pixels, got -1", e.getMessage());
    }

    @Test
    void trainingWithAugmentationRunsAndEvaluationIsUnaugmented() {
        var model = org.activationlab.dsl.Sequential.of(org.activationlab.dsl.Layers.input(H, W, C),
                org.activationlab.dsl.Layers.flatten(), org.activationlab.dsl.Layers.dense(2).softmax());
        var batch = FiniteDifferences.randomBatch(8, new int[] {H, W, C}, 2, 3);
        TrainingConfig config = TrainingConfig.of(org.activationlab.tf.optimizers.Sgd.of(0.01), 1)
                .withAugmentation(Augmentation.cifar());
        try (CompiledModel m = ModelCompiler.compile(model, config)) {
            double before = m.evaluate(batch).loss();
            assertEquals(before, m.evaluate(batch).loss(), 0, "evaluation must not be augmented (random)");
            // the training loss sees augmented images, so it differs from the evaluation loss on the same batch
            assertTrue(Math.abs(m.trainingLoss(batch) - before) > 1e-6);
            m.fit(batch, org.activationlab.tf.training.FitOptions.builder(2, 4).build());
        }
        var flat = org.activationlab.dsl.Sequential.of(org.activationlab.dsl.Layers.input(6),
                org.activationlab.dsl.Layers.dense(2).softmax());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelCompiler.compile(flat, config));
        assertTrue(e.getMessage().contains("needs an image input [height, width, channels], but the model's input is"
                + " [-1, 6]"), e.getMessage());
    }

    private boolean matchesSomeCrop(float[] out, int n, int padding) {
        for (int dy = -padding; dy <= padding; dy++) {
            for (int dx = -padding; dx <= padding; dx++) {
                for (boolean flip : new boolean[] {false, true}) {
                    if (isCrop(out, n, dy, dx, flip)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean isCrop(float[] out, int n, int dy, int dx, boolean flip) {
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int sx = (flip ? W - 1 - x : x) + dx;
                int sy = y + dy;
                for (int c = 0; c < C; c++) {
                    float expected = sy < 0 || sy >= H || sx < 0 || sx >= W ? 0 : pixel(images, n, sy, sx, c);
                    if (pixel(out, n, y, x, c) != expected) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}

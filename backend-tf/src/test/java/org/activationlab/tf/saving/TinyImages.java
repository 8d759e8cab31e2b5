package org.activationlab.tf.saving;

import static org.activationlab.dsl.Layers.batchNorm;
import static org.activationlab.dsl.Layers.branch;
import static org.activationlab.dsl.Layers.concat;
import static org.activationlab.dsl.Layers.conv2d;
import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.dropout;
import static org.activationlab.dsl.Layers.flatten;
import static org.activationlab.dsl.Layers.input;
import static org.activationlab.dsl.Layers.maxPool;
import static org.activationlab.dsl.Layers.residual;

import java.util.List;
import java.util.Random;
import org.activationlab.data.Dataset;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.layers.MaxPool2d;
import org.activationlab.dsl.layers.Padding;

/**
 * A small image problem and a CNN with every kind of state (batch-norm buffers, dropout, a learnable PReLU) and both
 * block types (a residual block, a concatenation).
 */
final class TinyImages {

    static final Sequential CNN = Sequential.of(input(8, 8, 2), conv2d(6, 3).padding(Padding.SAME).prelu(),
            residual(conv2d(6, 3).padding(Padding.SAME).relu(), batchNorm()).relu(),
            concat(branch(conv2d(3, 1)), branch(new MaxPool2d(3, 3, 1, 1, Padding.SAME), conv2d(3, 1))),
            batchNorm().relu(), maxPool(2), dropout(0.2), flatten(), dense(16).elu(), dense(3).softmax());

    private TinyImages() {
    }

    /** Three classes of 8x8x2 images, each a noisy copy of its class's random pattern. */
    static Dataset images(int n, long seed) {
        Random random = new Random(seed);
        int size = 8 * 8 * 2;
        float[][] patterns = new float[3][size];
        for (float[] p : patterns) {
            for (int j = 0; j < size; j++) {
                p[j] = (float) random.nextGaussian();
            }
        }
        float[] x = new float[n * size];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int j = 0; j < size; j++) {
                x[i * size + j] = patterns[y[i]][j] + 1.5f * (float) random.nextGaussian();
            }
        }
        return new Dataset("tiny", x, y, new int[] {8, 8, 2}, List.of("red", "green", "blue"), "generated");
    }
}

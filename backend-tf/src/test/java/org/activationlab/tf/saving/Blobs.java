package org.activationlab.tf.saving;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.activationlab.data.Dataset;

/** Gaussian clusters, one per class, for tests of flat-input models. */
public final class Blobs {

    private Blobs() {
    }

    public static Dataset blobs(int n, int features, int classes, long seed) {
        Random random = new Random(seed);
        float[][] centres = new float[classes][features];
        for (float[] c : centres) {
            for (int j = 0; j < features; j++) {
                c[j] = (float) random.nextGaussian() * 2;
            }
        }
        float[] x = new float[n * features];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % classes;
            for (int j = 0; j < features; j++) {
                x[i * features + j] = centres[y[i]][j] + (float) random.nextGaussian();
            }
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("class-" + c);
        }
        return new Dataset("blobs", x, y, new int[] {features}, names, "generated");
    }
}

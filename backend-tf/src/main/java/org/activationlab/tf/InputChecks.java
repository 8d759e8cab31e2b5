package org.activationlab.tf;

import java.util.Arrays;
import org.activationlab.data.Dataset;
import org.activationlab.dsl.Sequential;

/** Checks that a dataset fits a compiled classifier before any graph run sees it. */
final class InputChecks {

    private InputChecks() {
    }

    /** Rejects an empty dataset, samples of another shape than the model's input, or more classes than outputs. */
    static void checkDataset(Sequential model, int numClasses, Dataset data, String role) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("the " + role + " '" + data.name() + "' is empty");
        }
        if (!Arrays.equals(data.sampleShape(), model.inputShape().dims())) {
            throw new IllegalArgumentException("the " + role + " '" + data.name() + "' has samples of shape "
                    + Arrays.toString(data.sampleShape()) + " but the model's input is " + model.inputShape()
                    + "; change input(...) or reshape the data");
        }
        if (data.numClasses() > numClasses) {
            throw new IllegalArgumentException("the " + role + " '" + data.name() + "' has " + data.numClasses()
                    + " classes but the model outputs " + numClasses);
        }
    }

    /** {@code from, from + 1, ..., to - 1}. */
    static int[] range(int from, int to) {
        int[] idx = new int[to - from];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = from + k;
        }
        return idx;
    }
}

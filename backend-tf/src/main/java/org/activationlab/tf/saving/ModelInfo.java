package org.activationlab.tf.saving;

import java.util.List;

/**
 * What a saved model needs besides its description and tensors to classify new inputs: the class names and the
 * preprocessing its training data had.
 *
 * @param classNames the name of each output class, in output order (e.g. {@code "0"} to {@code "9"} for MNIST)
 * @param preprocessing how raw pixels became inputs, or {@code null} for inputs that are not images
 */
public record ModelInfo(List<String> classNames, Preprocessing preprocessing) {

    public ModelInfo {
        classNames = List.copyOf(classNames);
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("a saved model needs its class names, got none");
        }
    }
}

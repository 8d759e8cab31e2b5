package org.activationlab.tf;

import org.activationlab.dsl.Sequential;

/** Compiles a {@link Sequential} description into one TensorFlow graph ready to train. */
public final class ModelCompiler {

    private ModelCompiler() {
    }

    /**
     * Builds the graph (forward pass, softmax cross-entropy loss, gradients, optimizer update) and initialises the
     * weights from the configured seed.
     *
     * @throws IllegalArgumentException if the model cannot be trained as a classifier (e.g. it ends in sigmoid)
     * @throws IllegalStateException if TensorFlow lacks a gradient for an op the model uses; names the op
     */
    public static CompiledModel compile(Sequential model, TrainingConfig config) {
        return new CompiledModel(model, config);
    }
}

package org.activationlab.tf.saving;

import org.activationlab.dsl.Sequential;
import org.activationlab.tf.CompiledModel;

/** A model loaded by {@link ModelStore#load}: its saved metadata and the compiled model. Close it when done. */
public final class LoadedModel implements AutoCloseable {

    private final SavedModelInfo saved;
    private final CompiledModel compiled;

    LoadedModel(SavedModelInfo saved, CompiledModel compiled) {
        this.saved = saved;
        this.compiled = compiled;
    }

    /** The rebuilt description. */
    public Sequential description() {
        return saved.model();
    }

    /** Everything model.json says. */
    public SavedModelInfo saved() {
        return saved;
    }

    /** Class names and preprocessing. */
    public ModelInfo info() {
        return saved.info();
    }

    /** The compiled model with the saved weights, buffers, step and (if saved) optimizer state. */
    public CompiledModel model() {
        return compiled;
    }

    @Override
    public void close() {
        compiled.close();
    }
}

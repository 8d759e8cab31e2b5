package org.activationlab.tf.saving;

import java.io.IOException;
import java.nio.file.Path;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.training.History;

/**
 * One per-epoch checkpoint written by {@link Checkpointer}: a saved model with optimizer state and the history of
 * the epochs so far.
 *
 * @param dir its directory
 * @param epoch the last completed epoch
 * @param history the epochs (and probes) so far, to pass to {@code FitOptions.Builder.resumeFrom}
 * @param step the training step counter after that epoch
 */
public record Checkpoint(Path dir, int epoch, History history, long step) {

    /**
     * Restores weights, buffers, optimizer state and the step counter into {@code model}, which must be compiled
     * from the same description and configuration.
     */
    public void restore(CompiledModel model) throws IOException {
        ModelStore.restoreInto(dir, model, step, true);
    }
}

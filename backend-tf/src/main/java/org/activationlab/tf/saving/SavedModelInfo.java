package org.activationlab.tf.saving;

import org.activationlab.dsl.Sequential;
import org.activationlab.tf.TrainingConfig;

/**
 * What a saved model's {@code model.json} says.
 *
 * @param model the rebuilt description
 * @param config the training configuration it was compiled with
 * @param info class names and preprocessing
 * @param step training steps taken when it was saved
 * @param hasOptimizerState whether the optimizer state was saved too
 */
public record SavedModelInfo(Sequential model, TrainingConfig config, ModelInfo info, long step,
        boolean hasOptimizerState) {
}

package org.activationlab.dsl.layers;

import java.util.Optional;
import org.activationlab.dsl.Shape;
import org.activationlab.dsl.activations.Activation;

/**
 * One step of a {@link org.activationlab.dsl.Sequential} model. Implementations are immutable values that
 * describe what to compute; a backend decides how.
 */
public interface Layer {

    /** The short type name printed in summaries, e.g. {@code Dense}. */
    String typeName();

    /** A one-line description with every hyperparameter, e.g. {@code Dense(units=128, bias=true)}. */
    String describe();

    /**
     * The output shape for an input of the given shape.
     *
     * @throws IllegalArgumentException if the layer cannot take that input; the message says why and how to fix it
     */
    Shape outputShape(Shape input);

    /** Trainable parameters of the layer itself, excluding a fused activation's. */
    long paramCount(Shape input);

    /**
     * Non-trainable state such as batch-norm moving statistics: Keras's non-trainable weights, PyTorch's buffers.
     * {@link org.activationlab.dsl.ModelSummary} reports it apart from the parameters, as torchsummary does.
     */
    default long nonTrainableParamCount(Shape input) {
        return 0;
    }

    /** The activation applied after this layer, if one is fused onto it. */
    default Optional<Activation> activation() {
        return Optional.empty();
    }
}

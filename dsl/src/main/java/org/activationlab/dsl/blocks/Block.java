package org.activationlab.dsl.blocks;

import java.util.List;
import org.activationlab.dsl.Shape;
import org.activationlab.dsl.layers.Layer;

/**
 * A layer made of inner layers on parallel branches (a residual block, a concatenation). Summaries list every
 * inner layer, then a row for the block itself with no parameters of its own, as torchsummary lists a
 * container module after its children.
 */
public interface Block extends Layer {

    /** The inner branches for a block input of the given shape, in summary order. */
    List<Branch> branches(Shape input);

    /** Every inner layer's parameters, fused activations' included. */
    @Override
    default long paramCount(Shape input) {
        return branches(input).stream().mapToLong(b -> b.paramCount(input)).sum();
    }

    @Override
    default long nonTrainableParamCount(Shape input) {
        return branches(input).stream().mapToLong(b -> b.nonTrainableParamCount(input)).sum();
    }
}

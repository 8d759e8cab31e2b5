package org.activationlab.tf.lowering;

import java.util.ArrayList;
import java.util.List;
import org.activationlab.dsl.blocks.Branch;
import org.activationlab.dsl.blocks.Concat;
import org.activationlab.tf.spi.LayerLowering;
import org.activationlab.tf.spi.LoweredLayer;
import org.activationlab.tf.spi.LoweringContext;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Every branch on the block's input, concatenated along the last axis; branch k's layers under {@code branch_k/}. */
public final class ConcatLowering implements LayerLowering<Concat> {

    @Override
    public Class<Concat> layerType() {
        return Concat.class;
    }

    @Override
    public boolean mixesFeatures() {
        return true;
    }

    @Override
    public LoweredLayer lower(Concat concat, LoweringContext c) {
        List<LoweredLayer> branches = new ArrayList<>();
        List<Branch> described = concat.branches();
        for (int k = 0; k < described.size(); k++) {
            branches.add(c.lowerChain("branch_" + (k + 1), described.get(k).layers(), c.inputShape(),
                    c.initializer()));
        }
        // the batch axis comes first, so the channel axis of a rank-r sample is r
        int axis = c.outputShape().rank();
        return (x, f) -> {
            List<Operand<TFloat32>> outs = new ArrayList<>();
            for (LoweredLayer b : branches) {
                outs.add(b.forward(x, f));
            }
            return f.tf().concat(outs, f.tf().constant(axis));
        };
    }
}

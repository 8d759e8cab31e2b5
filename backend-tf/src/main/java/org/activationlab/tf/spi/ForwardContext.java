package org.activationlab.tf.spi;

import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt64;

/** What a forward pass tells a layer: training or inference, and the step; collects training-only updates. */
public interface ForwardContext {

    /** The graph's ops. */
    Ops tf();

    /** Whether this pass trains (dropout on, batch statistics) or infers. */
    boolean training();

    /**
     * The training step counter; with {@link LoweringContext#seed()} it seeds per-step randomness such as dropout
     * masks, which stay fixed while the step does not change.
     */
    Operand<TInt64> step();

    /** An op the training step must run, e.g. a moving-statistics update; ignored in inference passes. */
    void addUpdate(Op update);
}

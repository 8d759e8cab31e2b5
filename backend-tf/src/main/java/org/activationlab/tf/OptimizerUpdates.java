package org.activationlab.tf;

import java.util.ArrayList;
import java.util.List;
import org.activationlab.tf.optimizers.Adam;
import org.activationlab.tf.optimizers.AdamW;
import org.activationlab.tf.optimizers.Optimizer;
import org.activationlab.tf.optimizers.RmsProp;
import org.activationlab.tf.optimizers.Sgd;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.ApplyMomentum;
import org.tensorflow.types.TFloat32;

/**
 * The update ops of each optimizer, one visitor method per optimizer type. SGD and Adam use TensorFlow's fused
 * kernels (ApplyGradientDescent, ApplyMomentum, ApplyAdam), as hand-written TensorFlow would; AdamW adds the
 * decoupled decay before ApplyAdam and RMSprop is written out so that epsilon sits where PyTorch puts it.
 */
final class OptimizerUpdates implements Optimizer.Visitor<List<Op>> {

    private final Ops tf;
    private final GraphState state;
    private final List<Parameter> params;
    private final List<Operand<TFloat32>> gradients;
    private final Operand<TFloat32> lr;

    /**
     * @param gradients one per parameter, already gated on every gradient having been computed (an update
     *     writes a weight in place that backpropagation may still read)
     * @param lr the step's learning rate
     */
    private OptimizerUpdates(Ops tf, GraphState state, List<Parameter> params, List<Operand<TFloat32>> gradients,
            Operand<TFloat32> lr) {
        this.tf = tf;
        this.state = state;
        this.params = params;
        this.gradients = gradients;
        this.lr = lr;
    }

    /** The ops that apply one step of {@code optimizer} to {@code params}. */
    static List<Op> build(Ops tf, GraphState state, Optimizer optimizer, List<Parameter> params,
            List<Operand<TFloat32>> gradients, Operand<TFloat32> lr) {
        return optimizer.accept(new OptimizerUpdates(tf, state, params, gradients, lr));
    }

    @Override
    public List<Op> sgd(Sgd sgd) {
        List<Op> updates = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            Operand<TFloat32> g = coupledDecay(p, gradients.get(i), sgd.weightDecay());
            if (sgd.momentum() == 0) {
                updates.add(tf.train.applyGradientDescent(p.variable(), lr, g));
            } else {
                updates.add(tf.train.applyMomentum(p.variable(), slot(p, "momentum"), lr, g,
                        tf.constant((float) sgd.momentum()), ApplyMomentum.useNesterov(sgd.nesterov())));
            }
        }
        return updates;
    }

    @Override
    public List<Op> adam(Adam adam) {
        return adamUpdates(adam, List.of());
    }

    @Override
    public List<Op> adamW(AdamW adamW) {
        List<Op> decays = new ArrayList<>();
        Operand<TFloat32> keep = tf.math.sub(tf.constant(1f),
                tf.math.mul(lr, tf.constant((float) adamW.weightDecay())));
        for (int i = 0; i < params.size(); i++) {
            Variable<TFloat32> v = params.get(i).variable();
            // the decay writes the weight: only after its gradient (gated on all gradients) has been computed
            Ops afterGradient = tf.withControlDependencies(List.of(tf.identity(gradients.get(i))));
            decays.add(afterGradient.assign(v, afterGradient.math.mul(v, keep)));
        }
        return adamUpdates(adamW.adam(), decays);
    }

    /** ApplyAdam on every parameter, each after its entry of {@code before} if any, then the beta powers. */
    private List<Op> adamUpdates(Adam adam, List<Op> before) {
        Variable<TFloat32> beta1Power = state.scalarSlot("adam/beta1_power", (float) adam.beta1());
        Variable<TFloat32> beta2Power = state.scalarSlot("adam/beta2_power", (float) adam.beta2());
        Operand<TFloat32> beta1 = tf.constant((float) adam.beta1());
        Operand<TFloat32> beta2 = tf.constant((float) adam.beta2());
        Operand<TFloat32> epsilon = tf.constant((float) adam.epsilon());
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            Ops scope = before.isEmpty() ? tf : tf.withControlDependencies(List.of(before.get(i)));
            applies.add(scope.train.applyAdam(p.variable(), slot(p, "adam_m"), slot(p, "adam_v"), beta1Power,
                    beta2Power, lr, beta1, beta2, epsilon, gradients.get(i)));
        }
        // ApplyAdam reads but does not advance the beta powers; advance them once every apply has read them
        Ops after = tf.withControlDependencies(applies);
        List<Op> updates = new ArrayList<>(applies);
        updates.add(after.assign(beta1Power, after.math.mul(beta1Power, beta1)));
        updates.add(after.assign(beta2Power, after.math.mul(beta2Power, beta2)));
        return updates;
    }

    @Override
    public List<Op> rmsProp(RmsProp r) {
        Operand<TFloat32> alpha = tf.constant((float) r.alpha());
        Operand<TFloat32> oneMinusAlpha = tf.constant((float) (1 - r.alpha()));
        List<Op> updates = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            Operand<TFloat32> g = coupledDecay(p, gradients.get(i), r.weightDecay());
            Variable<TFloat32> squareAvg = slot(p, "rms_square_avg");
            Operand<TFloat32> v = tf.assign(squareAvg, tf.math.add(tf.math.mul(alpha, squareAvg),
                    tf.math.mul(oneMinusAlpha, tf.math.square(g))));
            if (r.centered()) {
                Variable<TFloat32> gradAvg = slot(p, "rms_grad_avg");
                Operand<TFloat32> mean = tf.assign(gradAvg, tf.math.add(tf.math.mul(alpha, gradAvg),
                        tf.math.mul(oneMinusAlpha, g)));
                v = tf.math.sub(v, tf.math.square(mean));
            }
            Operand<TFloat32> step = tf.math.div(g, tf.math.add(tf.math.sqrt(v), tf.constant((float) r.epsilon())));
            if (r.momentum() > 0) {
                Variable<TFloat32> buffer = slot(p, "rms_momentum");
                step = tf.assign(buffer, tf.math.add(tf.math.mul(tf.constant((float) r.momentum()), buffer), step));
            }
            updates.add(tf.assignSub(p.variable(), tf.math.mul(lr, step)));
        }
        return updates;
    }

    /** PyTorch's coupled weight decay {@code g + decay * p}; the gradient itself when there is none. */
    private Operand<TFloat32> coupledDecay(Parameter p, Operand<TFloat32> g, double decay) {
        return decay == 0 ? g : tf.math.add(g, tf.math.mul(tf.constant((float) decay), p.variable()));
    }

    private Variable<TFloat32> slot(Parameter p, String name) {
        return state.slot(p.name() + "/" + name, p.shape());
    }
}

package org.activationlab.tf;

import org.activationlab.tf.schedules.ConstantRate;
import org.activationlab.tf.schedules.CosineDecay;
import org.activationlab.tf.schedules.LearningRateSchedule;
import org.activationlab.tf.schedules.MultiStepDecay;
import org.activationlab.tf.schedules.OneCycle;
import org.activationlab.tf.schedules.StepDecay;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt64;

/**
 * A learning-rate schedule as graph ops reading the step counter, in float64 and cast once to the float32 rate
 * the optimizer ops take. The constant schedule is a constant, so a run without a schedule pays nothing.
 */
final class ScheduleOps implements LearningRateSchedule.Visitor<Operand<TFloat32>> {

    private final Ops tf;
    private final double base;
    private final Operand<TFloat64> step;
    private final Operand<TFloat64> stepsPerEpoch;

    private ScheduleOps(Ops tf, double base, Operand<TInt64> step, Operand<TFloat32> stepsPerEpoch) {
        this.tf = tf;
        this.base = base;
        this.step = tf.dtypes.cast(step, TFloat64.class);
        this.stepsPerEpoch = tf.dtypes.cast(stepsPerEpoch, TFloat64.class);
    }

    /**
     * The rate at training step {@code step} (0-based, before the step's update).
     *
     * @param stepsPerEpoch the training steps of one epoch, set when {@code fit} starts
     */
    static Operand<TFloat32> rate(Ops tf, LearningRateSchedule schedule, double base, Operand<TInt64> step,
            Operand<TFloat32> stepsPerEpoch) {
        return schedule.accept(new ScheduleOps(tf, base, step, stepsPerEpoch));
    }

    @Override
    public Operand<TFloat32> constant(ConstantRate schedule) {
        return tf.constant((float) base);
    }

    @Override
    public Operand<TFloat32> step(StepDecay s) {
        Operand<TFloat64> decays = tf.math.floor(tf.math.div(epoch(), c(s.stepEpochs())));
        return f32(tf.math.mul(c(base), tf.math.pow(c(s.gamma()), decays)));
    }

    @Override
    public Operand<TFloat32> multiStep(MultiStepDecay s) {
        Operand<TFloat64> epoch = epoch();
        Operand<TFloat64> passed = c(0);
        for (int milestone : s.milestones()) {
            passed = tf.math.add(passed, tf.dtypes.cast(tf.math.greaterEqual(epoch, c(milestone)), TFloat64.class));
        }
        return f32(tf.math.mul(c(base), tf.math.pow(c(s.gamma()), passed)));
    }

    @Override
    public Operand<TFloat32> cosine(CosineDecay s) {
        Operand<TFloat64> warmupSteps = tf.math.mul(c(s.warmupEpochs()), stepsPerEpoch);
        Operand<TFloat64> annealSteps = tf.math.mul(c(s.epochs() - s.warmupEpochs()), stepsPerEpoch);
        Operand<TFloat64> progress = clip01(tf.math.div(tf.math.sub(step, warmupSteps), annealSteps));
        Operand<TFloat64> annealed = anneal(c(base), c(s.minRate()), progress);
        if (s.warmupEpochs() == 0) {
            return f32(annealed);
        }
        Operand<TFloat64> warm = tf.math.div(tf.math.mul(c(base), tf.math.add(step, c(1))), warmupSteps);
        return f32(tf.select(tf.math.less(step, warmupSteps), warm, annealed));
    }

    @Override
    public Operand<TFloat32> oneCycle(OneCycle s) {
        double initial = base / s.divFactor();
        double end = initial / s.finalDivFactor();
        Operand<TFloat64> total = tf.math.mul(c(s.epochs()), stepsPerEpoch);
        Operand<TFloat64> riseEnd = tf.math.sub(tf.math.mul(c(s.pctStart()), total), c(1));
        Operand<TFloat64> fallEnd = tf.math.sub(total, c(1));
        Operand<TFloat64> rise = anneal(c(initial), c(base), clip01(tf.math.div(step, riseEnd)));
        Operand<TFloat64> fall = anneal(c(base), c(end),
                clip01(tf.math.div(tf.math.sub(step, riseEnd), tf.math.sub(fallEnd, riseEnd))));
        return f32(tf.select(tf.math.lessEqual(step, riseEnd), rise, fall));
    }

    /** The 0-based epoch of the step. */
    private Operand<TFloat64> epoch() {
        return tf.math.floor(tf.math.div(step, stepsPerEpoch));
    }

    /** Cosine interpolation from {@code start} (progress 0) to {@code end} (progress 1). */
    private Operand<TFloat64> anneal(Operand<TFloat64> start, Operand<TFloat64> end, Operand<TFloat64> progress) {
        Operand<TFloat64> cos = tf.math.add(c(1), tf.math.cos(tf.math.mul(c(Math.PI), progress)));
        return tf.math.add(end, tf.math.mul(tf.math.mul(tf.math.sub(start, end), c(0.5)), cos));
    }

    private Operand<TFloat64> clip01(Operand<TFloat64> x) {
        return tf.clipByValue(x, c(0), c(1));
    }

    private Operand<TFloat32> f32(Operand<TFloat64> rate) {
        return tf.dtypes.cast(rate, TFloat32.class);
    }

    private Operand<TFloat64> c(double v) {
        return tf.constant(v);
    }
}

package org.activationlab.tf;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;

/**
 * The TensorFlow session options of a training configuration (thread pools and precision), and the one place the
 * backend opens its sessions, so that {@link IntraOpPools} sees every one.
 */
final class SessionConfigs {

    private SessionConfigs() {
    }

    /** The session options for {@code config} on the resolved {@code device}. */
    static ConfigProto of(TrainingConfig config, Device device) {
        PrecisionSupport.require(config.precision(), device);
        ConfigProto.Builder session = ConfigProto.newBuilder().setAllowSoftPlacement(true);
        if (config.deterministic()) {
            // Eigen's multi-threaded reductions sum in a varying order; one thread makes every sum repeatable
            session.setIntraOpParallelismThreads(1).setInterOpParallelismThreads(1);
        } else if (config.threads() > 0) {
            // runs side by side share the cores: each gets its part for its ops, and ops run one at a time
            session.setIntraOpParallelismThreads(config.threads()).setInterOpParallelismThreads(1);
        }
        if (config.deterministic() || config.threads() > 0) {
            // without it every session of the process shares the first session's inter-op pool, so two runs side
            // by side, each with one inter-op thread, would queue their ops on one thread
            session.setUsePerSessionThreads(true);
        }
        if (config.precision() == Precision.BF16) {
            RewriterConfig.Builder rewrite = RewriterConfig.newBuilder();
            if (device == Device.GPU) {
                rewrite.setAutoMixedPrecision(RewriterConfig.Toggle.ON);
            } else {
                rewrite.setAutoMixedPrecisionOnednnBfloat16(RewriterConfig.Toggle.ON);
            }
            session.setGraphOptions(GraphOptions.newBuilder().setRewriteOptions(rewrite));
        }
        return session.build();
    }

    /** Opens the session of a training run: {@code config}'s options on {@code device}. */
    static Session open(Graph graph, TrainingConfig config, Device device) {
        return open(graph, of(config, device), config.deterministic());
    }

    /** Opens a session of no training run (inference, device probes) with {@code options}. */
    static Session open(Graph graph, ConfigProto options) {
        return open(graph, options, false);
    }

    // every session the backend opens goes through here: without per-session pools the first one sizes them all
    private static Session open(Graph graph, ConfigProto options, boolean deterministic) {
        return IntraOpPools.process().open(options.getIntraOpParallelismThreads(), deterministic,
                () -> new Session(graph, options));
    }
}

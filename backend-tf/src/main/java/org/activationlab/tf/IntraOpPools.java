package org.activationlab.tf;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Whose intra-op thread pool a TensorFlow session computes on. TensorFlow 2.18 gives every session of a process one
 * shared pool, sized by the first session's {@code intra_op_parallelism_threads}, unless the process was started
 * with {@value #VARIABLE}{@code =1}: then each session owns a pool of the size it asks for. Shared, the setting of
 * every later session is silently ignored: a deterministic session would compute on several threads, and runs side
 * by side would queue their ops' work on one pool (the guide's "Runs side by side" has the measured cost). The
 * variable must be in the environment before Java starts: TensorFlow reads it when it makes the first session's
 * devices, and Java cannot set it for itself. {@code bin/activation-lab}, the Maven tests and the Spark executors
 * set it.
 */
public final class IntraOpPools {

    /** The environment variable that gives each session a pool of its own. */
    public static final String VARIABLE = "TF_OVERRIDE_GLOBAL_THREADPOOL";

    private static final IntraOpPools PROCESS = new IntraOpPools(enabled(System.getenv(VARIABLE)));

    /** The shared pool is not made yet. */
    private static final int NONE = 0;
    /** The shared pool has TensorFlow's default size, which Java cannot know (CPU affinity, TF_NUM_INTRAOP_THREADS). */
    private static final int DEFAULT_SIZE = -1;

    private final boolean perSession;
    /** The shared pool's threads once the first session made it; always {@link #NONE} with pools per session. */
    private int shared = NONE;

    IntraOpPools(boolean perSession) {
        this.perSession = perSession;
    }

    /** This process's pools. */
    public static IntraOpPools process() {
        return PROCESS;
    }

    /** Whether {@code value} turns the variable on, read as TensorFlow reads it ("1" or "true", any case). */
    static boolean enabled(String value) {
        if (value == null) {
            return false;
        }
        String v = value.toLowerCase(Locale.ROOT);
        return v.equals("1") || v.equals("true");
    }

    /** Whether each session gets a pool of its own size; false when all share the first session's. */
    public boolean perSession() {
        return perSession;
    }

    /**
     * Opens a session asking for {@code requested} intra-op threads (0: TensorFlow's default); with a shared pool
     * one at a time, so that which session made it is known.
     *
     * @throws IllegalStateException if the session is {@code deterministic} (it asks for one thread) but an earlier
     *     session of this process made a shared pool that may have several threads
     */
    <S> S open(int requested, boolean deterministic, Supplier<S> session) {
        if (perSession) {
            return session.get();
        }
        synchronized (this) {
            if (shared == NONE) {
                shared = requested > 0 ? requested : DEFAULT_SIZE;
            }
            if (deterministic && shared != 1) {
                throw new IllegalStateException("deterministic training needs a single-threaded TensorFlow session,"
                        + " but this process shares one intra-op pool of " + (shared == DEFAULT_SIZE
                        ? "TensorFlow's default size" : shared + " threads") + ", made by its first session (a device"
                        + " probe counts); start Java with " + VARIABLE + "=1 in the environment (bin/activation-lab"
                        + " does) so that every session gets a pool of its own");
            }
            return session.get();
        }
    }

    /** One line on the pools for a study that trains {@code workers} runs side by side, or null if all is well. */
    public String sideBySideNote(int workers) {
        if (perSession || workers < 2) {
            return null;
        }
        return "the runs share one TensorFlow intra-op pool (" + VARIABLE + " is not 1), so they gain less from"
                + " training side by side; start Java with " + VARIABLE + "=1 in the environment (bin/activation-lab"
                + " does) to give each run a pool of its own";
    }
}

package org.activationlab.tf;

import java.util.Locale;

/**
 * Whose intra-op thread pool a TensorFlow session computes on. TensorFlow 2.18 gives every session of a process one
 * shared pool, sized by the first session's {@code intra_op_parallelism_threads}, unless the process was started
 * with {@value #VARIABLE}{@code =1}: then each session owns a pool of the size it asks for. Shared, the setting of
 * every later session is silently ignored: a deterministic session would compute on several threads, and runs side
 * by side would queue their ops' work on one pool (measured on 2 cores: 1.86x for two MLP runs side by side with
 * the pool shared, 2.73x with a pool each). The variable must be in the environment before Java starts (TensorFlow
 * reads it once and Java cannot set it); {@code bin/activation-lab}, the Maven tests and the Spark executors set it.
 */
public final class IntraOpPools {

    /** The environment variable that gives each session a pool of its own. */
    public static final String VARIABLE = "TF_OVERRIDE_GLOBAL_THREADPOOL";

    private static final IntraOpPools PROCESS = new IntraOpPools(enabled(System.getenv(VARIABLE)),
            Runtime.getRuntime().availableProcessors());

    private final boolean perSession;
    private final int defaultThreads;
    /** The shared pool's threads once the first session made it; 0 before, and always 0 with pools per session. */
    private int sharedThreads;

    IntraOpPools(boolean perSession, int defaultThreads) {
        if (defaultThreads < 1) {
            throw new IllegalArgumentException("the default intra-op threads must be >= 1, got " + defaultThreads);
        }
        this.perSession = perSession;
        this.defaultThreads = defaultThreads;
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

    /** Whether each session gets a pool of its own size. */
    public boolean perSession() {
        return perSession;
    }

    /**
     * Notes a new session asking for {@code requested} intra-op threads (0: TensorFlow's default, one per core) and
     * returns the threads its ops will actually share.
     *
     * @throws IllegalStateException if the session is {@code deterministic} (it asks for one thread) but an earlier
     *     session of this process made a shared pool of several threads
     */
    synchronized int open(int requested, boolean deterministic) {
        int wanted = requested > 0 ? requested : defaultThreads;
        if (perSession) {
            return wanted;
        }
        if (sharedThreads == 0) {
            sharedThreads = wanted;
        }
        if (deterministic && sharedThreads != 1) {
            throw new IllegalStateException("deterministic training needs a single-threaded TensorFlow session, but"
                    + " this process shares one intra-op pool of " + sharedThreads + " threads, made by its first"
                    + " session; start Java with " + VARIABLE + "=1 in the environment (bin/activation-lab does) so"
                    + " that every session gets a pool of its own");
        }
        return sharedThreads;
    }

    /** One line on the pools for a study that trains {@code workers} runs side by side, or null if all is well. */
    public String sideBySideNote(int workers) {
        if (perSession || workers < 2) {
            return null;
        }
        return "the runs share one TensorFlow intra-op pool (" + VARIABLE + " is not set), so they gain less from"
                + " training side by side; start Java with " + VARIABLE + "=1 in the environment (bin/activation-lab"
                + " does) to give each run a pool of its own";
    }
}

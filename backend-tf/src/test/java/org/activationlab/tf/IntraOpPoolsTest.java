package org.activationlab.tf;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.activationlab.dsl.Sequential;
import org.activationlab.tf.optimizers.Sgd;
import org.junit.jupiter.api.Test;

class IntraOpPoolsTest {

    @Test
    void theVariableIsReadAsTensorFlowReadsIt() {
        assertTrue(IntraOpPools.enabled("1"));
        assertTrue(IntraOpPools.enabled("true"));
        assertTrue(IntraOpPools.enabled("TRUE"));
        assertFalse(IntraOpPools.enabled(null));
        assertFalse(IntraOpPools.enabled("0"));
        assertFalse(IntraOpPools.enabled("false"));
        assertFalse(IntraOpPools.enabled(""));
        assertFalse(IntraOpPools.enabled("yes"), "TensorFlow refuses other values and keeps the shared pool");
    }

    @Test
    void sharedAPoolOfSeveralOrOfTheDefaultSizeRefusesADeterministicSessionAfterIt() {
        IntraOpPools sized = new IntraOpPools(false);
        assertEquals("first", sized.open(2, false, () -> "first"));
        assertEquals("later", sized.open(1, false, () -> "later"), "a later session's setting is ignored, not refused");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> sized.open(1, true, () -> fail("no session may be opened")));
        assertTrue(e.getMessage().contains("shares one intra-op pool of 2 threads"), e.getMessage());
        assertTrue(e.getMessage().contains("start Java with TF_OVERRIDE_GLOBAL_THREADPOOL=1"), e.getMessage());

        IntraOpPools byDefault = new IntraOpPools(false);
        byDefault.open(0, false, () -> "a device probe");
        e = assertThrows(IllegalStateException.class, () -> byDefault.open(1, true, () -> "deterministic"));
        assertTrue(e.getMessage().contains("pool of TensorFlow's default size"), e.getMessage());
    }

    @Test
    void sharedAfterASingleThreadedFirstSessionDeterministicSessionsOpen() {
        IntraOpPools pools = new IntraOpPools(false);
        assertEquals("a", pools.open(1, true, () -> "a"));
        assertEquals("b", pools.open(0, false, () -> "b"));
        assertEquals("c", pools.open(1, true, () -> "c"));
    }

    @Test
    void perSessionEverySessionOpensWhateverCameBefore() {
        IntraOpPools pools = new IntraOpPools(true);
        pools.open(0, false, () -> "default");
        pools.open(3, false, () -> "three");
        assertEquals("deterministic", pools.open(1, true, () -> "deterministic"));
    }

    @Test
    void onlyRunsSideBySideOnASharedPoolGetTheNote() {
        assertNull(new IntraOpPools(true).sideBySideNote(2));
        assertNull(new IntraOpPools(false).sideBySideNote(1));
        String note = new IntraOpPools(false).sideBySideNote(2);
        assertTrue(note.contains("TF_OVERRIDE_GLOBAL_THREADPOOL=1"), note);
    }

    /** The Maven tests run with the variable set, as bin/activation-lab does: sessions really own their pools. */
    @Test
    void aSessionWithThreeIntraOpThreadsStartsThemAsThreadsOfItsOwnAndStopsThemOnClose() throws IOException {
        assertTrue(IntraOpPools.process().perSession(), "the tests run with TF_OVERRIDE_GLOBAL_THREADPOOL=1");
        Sequential mlp = Sequential.of(input(4), dense(3).softmax());
        // a session before, so that a shared pool would already exist and the one below would start no threads
        try (CompiledModel first = ModelCompiler.compile(mlp, TrainingConfig.of(Sgd.of(0.1), 1))) {
            long before = nativeThreads();
            try (CompiledModel model = ModelCompiler.compile(mlp, TrainingConfig.of(Sgd.of(0.1), 1).withThreads(3))) {
                // with the pool shared it would be 1: only the inter-op thread is the session's own
                assertEquals(before + 3 + 1, nativeThreads(), "3 intra-op threads and 1 inter-op thread of its own");
            }
            assertEquals(before, nativeThreads(), "the pools go with their session");
        }
    }

    /** Threads of this process that nobody named: TensorFlow's (and the main thread); Java names its own. */
    private static long nativeThreads() throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.map(t -> {
                try {
                    return Files.readString(t.resolve("comm")).strip();
                } catch (IOException e) {
                    return "";
                }
            }).filter(name -> name.equals("java")).count();
        }
    }
}

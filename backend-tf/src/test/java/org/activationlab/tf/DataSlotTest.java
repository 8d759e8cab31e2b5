package org.activationlab.tf;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.input;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.activationlab.data.Dataset;
import org.activationlab.dsl.Sequential;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.saving.Blobs;
import org.activationlab.tf.training.FitOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

class DataSlotTest {

    private static final Dataset DATA = new Dataset("tiny", new float[] {0, 1, 10, 11, 20, 21, 30, 31},
            new int[] {3, 2, 1, 0}, new int[] {2}, List.of("a", "b", "c", "d"), "hand-made");

    @Test
    void leasesOfOneDatasetShareOneTensorPairFreedWithTheLastLease() {
        int before = DatasetTensors.liveCount();
        Dataset other = DATA.take(2);
        try (DatasetTensors.Lease a = DatasetTensors.lease(DATA); DatasetTensors.Lease b = DatasetTensors.lease(DATA);
                DatasetTensors.Lease c = DatasetTensors.lease(other)) {
            assertSame(a.features(), b.features());
            assertSame(a.labels(), b.labels());
            assertNotSame(a.features(), c.features());
            assertEquals(before + 2, DatasetTensors.liveCount());
            a.close();
            a.close();   // a second close of one lease must not free the tensors b still reads
            assertEquals(before + 2, DatasetTensors.liveCount());
            assertEquals(21f, b.features().getFloat(2, 1));
        }
        assertEquals(before, DatasetTensors.liveCount());
        try (DatasetTensors.Lease again = DatasetTensors.lease(DATA)) {
            assertEquals(31f, again.features().getFloat(3, 1));
            assertEquals(0, again.labels().getInt(3));
        }
    }

    @ParameterizedTest
    @EnumSource(DataSlot.Residency.class)
    void gathersTheRowsAndLabelsAtTheIndicesInEitherResidency(DataSlot.Residency residency) {
        int before = DatasetTensors.liveCount();
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            DataSlot slot = new DataSlot(tf, "data", residency);
            Placeholder<TInt32> indices = tf.placeholder(TInt32.class);
            Operand<TFloat32> rows = tf.gather(slot.features(), indices, tf.constant(0));
            Operand<TInt32> labels = tf.gather(slot.labels(), indices, tf.constant(0));
            try (Session session = new Session(graph)) {
                slot.upload(session, DATA);
                assertEquals(residency == DataSlot.Residency.FEED ? before + 1 : before, DatasetTensors.liveCount(),
                        "a variable keeps its own copy; a fed slot holds the shared one");
                try (TInt32 at = TInt32.vectorOf(2, 0);
                        Result r = slot.feed(session.runner()).feed(indices, at).fetch(rows).fetch(labels).run()) {
                    float[] x = new float[4];
                    ((TFloat32) r.get(0)).copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(x, false, false));
                    assertArrayEquals(new float[] {20, 21, 0, 1}, x);
                    assertEquals(1, ((TInt32) r.get(1)).getInt(0));
                    assertEquals(3, ((TInt32) r.get(1)).getInt(1));
                }
            } finally {
                slot.close();
            }
        }
        assertEquals(before, DatasetTensors.liveCount());
    }

    @Test
    void aFedSlotWithNothingUploadedSaysSo() {
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            DataSlot slot = new DataSlot(Ops.create(graph), "data", DataSlot.Residency.FEED);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> slot.feed(session.runner()));
            assertTrue(e.getMessage().contains("upload"), e.getMessage());
        }
    }

    @Test
    void aTrainedAndEvaluatedModelGivesBackEverySharedTensorWhenClosed() {
        int before = DatasetTensors.liveCount();
        Dataset train = Blobs.blobs(200, 4, 3, 1);
        Dataset test = Blobs.blobs(60, 4, 3, 2);
        Sequential model = Sequential.of(input(4), dense(8).relu(), dense(3).softmax());
        try (CompiledModel m = ModelCompiler.compile(model, TrainingConfig.of(Sgd.of(0.1), 1))) {
            m.fit(train, FitOptions.builder(2, 32).validation(test).build());
            m.evaluate(test);
            m.gradients(train.take(10));
            assertEquals(before + 2, DatasetTensors.liveCount(),
                    "the test set and the gradient batch, which replaced the training set, are resident");
        }
        assertEquals(before, DatasetTensors.liveCount());
    }
}

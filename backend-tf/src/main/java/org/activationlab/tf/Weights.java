package org.activationlab.tf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activationlab.data.Dataset;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Reads and writes a compiled model's weights and buffers by name, and reads the training loss and its gradients
 * on a batch without updating anything.
 */
final class Weights {

    private final TrainingGraph g;

    Weights(TrainingGraph graph) {
        this.g = graph;
    }

    /** A copy of every trainable tensor, by name, row-major. */
    Map<String, float[]> trainable() {
        return fetch(g.trainable());
    }

    /** A copy of every non-trainable tensor, by name. */
    Map<String, float[]> buffers() {
        return g.buffers().isEmpty() ? Map.of() : fetch(g.buffers());
    }

    /** The shape of every trainable tensor and buffer, by name, in the order of the parameters. */
    Map<String, long[]> shapes() {
        return shapes(g.parameters());
    }

    /** A copy of every optimizer slot, by name; empty when the optimizer keeps none (plain SGD). */
    Map<String, float[]> optimizerState() {
        return g.optimizerSlots().isEmpty() ? Map.of() : fetch(g.optimizerSlots());
    }

    /** The shape of every optimizer slot, by name. */
    Map<String, long[]> optimizerStateShapes() {
        return shapes(g.optimizerSlots());
    }

    /** Sets optimizer slots saved by {@link #optimizerState()}; names and sizes must match. */
    void setOptimizerState(Map<String, float[]> values) {
        assign(g.optimizerSlots(), values, "optimizer slot");
    }

    private static Map<String, long[]> shapes(List<Parameter> tensors) {
        Map<String, long[]> out = new LinkedHashMap<>();
        tensors.forEach(p -> out.put(p.name(), p.shape().clone()));
        return out;
    }

    private Map<String, float[]> fetch(List<Parameter> tensors) {
        Session.Runner runner = g.session().runner();
        tensors.forEach(p -> runner.fetch(p.variable()));
        try (Result r = runner.run()) {
            return copyOut(r, tensors);
        }
    }

    /** Sets the named tensors in one graph run; names must be parameters or buffers, sizes must match. */
    void set(Map<String, float[]> values) {
        assign(g.parameters(), values, "parameter or buffer");
    }

    private void assign(List<Parameter> targets, Map<String, float[]> values, String kind) {
        if (values.isEmpty()) {
            return;   // TensorFlow refuses a run with nothing to do (plain SGD has no optimizer state)
        }
        List<TFloat32> tensors = new ArrayList<>();
        try {
            Session.Runner runner = g.session().runner();
            for (Map.Entry<String, float[]> e : values.entrySet()) {
                Parameter p = targets.stream().filter(q -> q.name().equals(e.getKey())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no " + kind + " named '" + e.getKey()
                                + "'; the model has " + targets.stream().map(Parameter::name).toList()));
                if (e.getValue().length != p.size()) {
                    throw new IllegalArgumentException(kind + " " + p.name() + " has " + p.size() + " values, got "
                            + e.getValue().length);
                }
                TFloat32 t = TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(p.shape()),
                        DataBuffers.of(e.getValue(), true, false));
                tensors.add(t);
                runner.feed(p.input(), t).addTarget(p.assign());
            }
            try (Result r = runner.run()) {
                // assignments done
            }
        } finally {
            tensors.forEach(TFloat32::close);
        }
    }

    /** The gradient of the mean training loss over all of {@code batch}, by parameter name. */
    Map<String, float[]> gradients(Dataset batch) {
        try (TInt32 indices = residentTrainBatch(batch)) {
            Session.Runner runner = g.trainSlot().feed(g.session().runner()).feed(g.trainIndices(), indices);
            g.gradients().forEach(runner::fetch);
            try (Result r = runner.run()) {
                return copyOut(r, g.trainable());
            }
        }
    }

    /** The mean training loss over all of {@code batch}. */
    double trainingLoss(Dataset batch) {
        try (TInt32 indices = residentTrainBatch(batch);
                Result r = g.trainSlot().feed(g.session().runner()).feed(g.trainIndices(), indices)
                        .fetch(g.trainLoss()).run()) {
            return ((TFloat32) r.get(0)).getFloat();
        }
    }

    /** Makes {@code batch} the resident training set and returns the indices of all of it. */
    TInt32 residentTrainBatch(Dataset batch) {
        g.trainSlot().upload(g.session(), batch);
        return TInt32.vectorOf(InputChecks.range(0, batch.size()));
    }

    /** The result's outputs, one per tensor in order, copied out by name. */
    private static Map<String, float[]> copyOut(Result r, List<Parameter> tensors) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (int i = 0; i < tensors.size(); i++) {
            Parameter p = tensors.get(i);
            float[] values = new float[p.size()];
            ((TFloat32) r.get(i)).copyTo(DataBuffers.of(values, false, false));
            out.put(p.name(), values);
        }
        return out;
    }
}

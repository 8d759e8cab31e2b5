package org.activationlab.dsl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.blocks.Block;
import org.activationlab.dsl.blocks.Branch;
import org.activationlab.dsl.layers.ActivationLayer;
import org.activationlab.dsl.layers.Layer;

/**
 * A torchsummary-style table of a model: one row per layer and per fused activation (a block's inner layers
 * included), numbered in order, then
 * parameter totals, the activations' hyperparameters and memory estimates (float32). The text depends only on the
 * model, never on the machine or locale.
 *
 * <p>Output shapes are NHWC, e.g. {@code [-1, 24, 24, 10]}, where torchsummary prints NCHW {@code [-1, 10, 24, 24]}.
 * Counts follow torchsummary, so they match the papers' tables: rows and totals count parameters only, and
 * batch-norm moving statistics, which PyTorch keeps as buffers, get a line of their own. Keras would instead add
 * them to the total as non-trainable params.
 */
public final class ModelSummary {

    /**
     * One row of the table.
     *
     * @param params trainable parameters, the row's "Param #"
     * @param nonTrainableParams moving statistics, not printed in the row
     */
    public record Row(String name, String type, Shape outputShape, long params, long nonTrainableParams) {
    }

    private static final String RULE = "-".repeat(64);
    private static final String DOUBLE_RULE = "=".repeat(64);

    private final List<Row> rows;
    private final Shape inputShape;
    private final Set<String> activations;

    private ModelSummary(List<Row> rows, Shape inputShape, Set<String> activations) {
        this.rows = rows;
        this.inputShape = inputShape;
        this.activations = activations;
    }

    static ModelSummary of(Sequential model) {
        List<Row> rows = new ArrayList<>();
        Set<String> activations = new LinkedHashSet<>();
        for (int i = 0; i < model.layers().size(); i++) {
            addRows(rows, activations, model.layers().get(i), model.inputShapeOf(i), model.outputShapeOf(i));
        }
        return new ModelSummary(List.copyOf(rows), model.inputShape(), activations);
    }

    /**
     * The rows of one layer: a block's inner layers first, branch by branch, then the block's own row with no
     * parameters of its own (torchsummary's order: a container's hook fires after its children's); then the
     * fused activation's row.
     */
    private static void addRows(List<Row> rows, Set<String> activations, Layer layer, Shape in, Shape out) {
        if (layer instanceof Block block) {
            for (Branch branch : block.branches(in)) {
                List<Shape> shapes = branch.shapes(in);
                for (int j = 0; j < shapes.size(); j++) {
                    addRows(rows, activations, branch.layers().get(j), j == 0 ? in : shapes.get(j - 1),
                            shapes.get(j));
                }
            }
            rows.add(new Row(layer.typeName() + "-" + (rows.size() + 1), layer.typeName(), out, 0, 0));
        } else {
            rows.add(new Row(layer.typeName() + "-" + (rows.size() + 1), layer.typeName(), out,
                    layer.paramCount(in), layer.nonTrainableParamCount(in)));
        }
        if (layer instanceof ActivationLayer a) {
            activations.add(a.function().displayName());
        }
        Optional<Activation> fused = layer.activation();
        if (fused.isPresent()) {
            Activation a = fused.get();
            activations.add(a.displayName());
            rows.add(new Row(a.typeName() + "-" + (rows.size() + 1), a.typeName(), out, a.paramCount(out), 0));
        }
    }

    public List<Row> rows() {
        return rows;
    }

    /** Trainable parameters, including learnable activations' and batch-norm's gamma and beta. */
    public long trainable() {
        return rows.stream().mapToLong(Row::params).sum();
    }

    /** Non-trainable state: batch-norm moving means and variances (PyTorch buffers). */
    public long nonTrainable() {
        return rows.stream().mapToLong(Row::nonTrainableParams).sum();
    }

    /**
     * Parameters as torchsummary and the papers count them. The DSL cannot freeze parameters, so this equals
     * {@link #trainable()}; Keras's "Total params" would be {@code total() + nonTrainable()}.
     */
    public long total() {
        return trainable();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(RULE).append('\n');
        s.append(String.format(Locale.ROOT, "%20s  %25s %15s\n", "Layer (type)", "Output Shape", "Param #"));
        s.append(DOUBLE_RULE).append('\n');
        for (Row row : rows) {
            s.append(String.format(Locale.ROOT, "%20s  %25s %,15d\n", row.name(), row.outputShape().withBatch(),
                    row.params()));
        }
        s.append(DOUBLE_RULE).append('\n');
        s.append(String.format(Locale.ROOT, "Total params: %,d\n", total()));
        s.append(String.format(Locale.ROOT, "Trainable params: %,d\n", trainable()));
        // torchsummary's line counts frozen parameters, of which the DSL has none; buffers come on the next line
        s.append("Non-trainable params: 0\n");
        if (nonTrainable() > 0) {
            s.append(String.format(Locale.ROOT, "Non-parameter buffers (batch-norm moving statistics): %,d\n",
                    nonTrainable()));
        }
        s.append(RULE).append('\n');
        if (!activations.isEmpty()) {
            s.append("Activations: ").append(String.join(", ", activations)).append('\n');
            s.append(RULE).append('\n');
        }
        double inputMb = inputShape.elements() * 4.0 / (1024 * 1024);
        double passMb = 2.0 * rows.stream().mapToLong(r -> r.outputShape().elements()).sum() * 4.0 / (1024 * 1024);
        double paramsMb = total() * 4.0 / (1024 * 1024);
        s.append(String.format(Locale.ROOT, "Input size (MB): %.2f\n", inputMb));
        s.append(String.format(Locale.ROOT, "Forward/backward pass size (MB): %.2f\n", passMb));
        s.append(String.format(Locale.ROOT, "Params size (MB): %.2f\n", paramsMb));
        s.append(String.format(Locale.ROOT, "Estimated Total Size (MB): %.2f\n", inputMb + passMb + paramsMb));
        s.append(RULE).append('\n');
        return s.toString();
    }
}

package org.activationlab.dsl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.layers.ActivationLayer;
import org.activationlab.dsl.layers.Layer;

/**
 * A torchsummary-style table of a model: one row per layer and per fused activation, numbered in order, then
 * parameter totals, the activations' hyperparameters and memory estimates (float32). The text depends only on the
 * model, never on the machine or locale.
 */
public final class ModelSummary {

    /** One row of the table. */
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
            Layer layer = model.layers().get(i);
            Shape in = model.inputShapeOf(i);
            Shape out = model.outputShapeOf(i);
            rows.add(new Row(layer.typeName() + "-" + (rows.size() + 1), layer.typeName(), out,
                    layer.paramCount(in), layer.nonTrainableParamCount(in)));
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
        return new ModelSummary(List.copyOf(rows), model.inputShape(), activations);
    }

    public List<Row> rows() {
        return rows;
    }

    public long trainable() {
        return rows.stream().mapToLong(Row::params).sum();
    }

    public long nonTrainable() {
        return rows.stream().mapToLong(Row::nonTrainableParams).sum();
    }

    public long total() {
        return trainable() + nonTrainable();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(RULE).append('\n');
        s.append(String.format(Locale.ROOT, "%20s  %25s %15s\n", "Layer (type)", "Output Shape", "Param #"));
        s.append(DOUBLE_RULE).append('\n');
        for (Row row : rows) {
            s.append(String.format(Locale.ROOT, "%20s  %25s %,15d\n", row.name(), row.outputShape().withBatch(),
                    row.params() + row.nonTrainableParams()));
        }
        s.append(DOUBLE_RULE).append('\n');
        s.append(String.format(Locale.ROOT, "Total params: %,d\n", total()));
        s.append(String.format(Locale.ROOT, "Trainable params: %,d\n", trainable()));
        s.append(String.format(Locale.ROOT, "Non-trainable params: %,d\n", nonTrainable()));
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

package org.activationlab.study.records;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A run's history as columns, one JSON array per quantity ({@code train_loss: [..]}), epochs 1..n implied: a
 * 3,000-epoch run takes a few lines instead of 3,000 objects.
 */
final class EpochColumns {

    private record Column(String name, ToDoubleFunction<EpochRecord> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("train_loss", EpochRecord::trainLoss),
            new Column("train_accuracy", EpochRecord::trainAccuracy),
            new Column("val_loss", EpochRecord::valLoss),
            new Column("val_accuracy", EpochRecord::valAccuracy),
            new Column("train_seconds", EpochRecord::trainSeconds),
            new Column("eval_seconds", EpochRecord::evalSeconds));
    /** Written only when some epoch has a rate: records of runs before rates were recorded stay as they were. */
    private static final Column RATE = new Column("learning_rate", EpochRecord::learningRate);

    private EpochColumns() {
    }

    static final class Writer extends JsonSerializer<List<EpochRecord>> {
        @Override
        public void serialize(List<EpochRecord> history, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            gen.writeStartObject();
            gen.writeNumberField("epochs", history.size());
            for (Column c : COLUMNS) {
                gen.writeArrayFieldStart(c.name());
                for (EpochRecord e : history) {
                    gen.writeNumber(c.value().applyAsDouble(e));
                }
                gen.writeEndArray();
            }
            if (history.stream().anyMatch(e -> !Double.isNaN(e.learningRate()))) {
                gen.writeArrayFieldStart(RATE.name());
                for (EpochRecord e : history) {
                    gen.writeNumber(RATE.value().applyAsDouble(e));
                }
                gen.writeEndArray();
            }
            gen.writeEndObject();
        }
    }

    static final class Reader extends JsonDeserializer<List<EpochRecord>> {
        @Override
        public List<EpochRecord> deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonNode node = p.readValueAsTree();
            if (node.isArray()) {
                // schema 4 and older: one object per epoch
                List<EpochRecord> epochs = new ArrayList<>();
                for (JsonNode e : node) {
                    if (e instanceof com.fasterxml.jackson.databind.node.ObjectNode o && !o.has(RATE.name())) {
                        o.put(RATE.name(), "NaN");
                    }
                    epochs.add(ctx.readTreeAsValue(e, EpochRecord.class));
                }
                return epochs;
            }
            JsonNode count = node.get("epochs");
            if (count == null || !count.canConvertToInt() || count.asInt() < 0) {
                throw new IllegalArgumentException("history.epochs must be the number of epochs (>= 0), got " + count);
            }
            int n = count.asInt();
            List<Column> columns = new ArrayList<>(COLUMNS);
            columns.add(RATE);
            double[][] values = new double[columns.size()][];
            for (int c = 0; c < columns.size(); c++) {
                String name = columns.get(c).name();
                JsonNode column = node.get(name);
                if (column == null && columns.get(c) == RATE) {
                    values[c] = new double[n];
                    java.util.Arrays.fill(values[c], Double.NaN);
                    continue;
                }
                if (column == null || !column.isArray() || column.size() != n) {
                    throw new IllegalArgumentException("history." + name + " must be an array of " + n
                            + " numbers (history.epochs), got " + (column == null ? "nothing"
                            : column.isArray() ? column.size() + " values" : column.getNodeType().toString()));
                }
                values[c] = new double[n];
                for (int i = 0; i < n; i++) {
                    JsonNode v = column.get(i);
                    if (!v.isNumber() && !v.isTextual()) {
                        throw new IllegalArgumentException("history." + name + "[" + i + "] is not a number: " + v);
                    }
                    values[c][i] = v.isNumber() ? v.asDouble() : Double.parseDouble(v.asText());
                }
            }
            List<EpochRecord> epochs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                epochs.add(new EpochRecord(i + 1, values[0][i], values[1][i], values[2][i], values[3][i], values[4][i],
                        values[5][i], values[6][i]));
            }
            return epochs;
        }
    }
}

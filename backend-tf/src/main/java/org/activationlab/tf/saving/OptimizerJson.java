package org.activationlab.tf.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import org.activationlab.tf.optimizers.Optimizer;

/**
 * An {@link Optimizer} as JSON: its record components plus {@code type}, the record's simple name. Reading looks
 * the type up among the sealed interface's permitted records, so a new optimizer record needs no code here.
 */
final class OptimizerJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OptimizerJson() {
    }

    static ObjectNode encode(Optimizer optimizer) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", optimizer.getClass().getSimpleName());
        node.setAll((ObjectNode) MAPPER.valueToTree(optimizer));
        return node;
    }

    static Optimizer decode(JsonNode node, String where) {
        String type = node == null || !node.hasNonNull("type") ? "" : node.get("type").asText();
        Class<?> cls = Arrays.stream(Optimizer.class.getPermittedSubclasses())
                .filter(c -> c.getSimpleName().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(where + ": unknown optimizer '" + type
                        + "'; this build has " + Arrays.stream(Optimizer.class.getPermittedSubclasses())
                                .map(Class::getSimpleName).toList()));
        ObjectNode fields = ((ObjectNode) node).deepCopy();
        fields.remove("type");
        try {
            return (Optimizer) MAPPER.treeToValue(fields, cls);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": cannot read optimizer " + type + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}

package org.activationlab.tf.saving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;

/**
 * A record of a sealed type (an optimizer, a learning-rate schedule) as JSON: its record components plus
 * {@code type}, the record's simple name. Reading looks the type up among the sealed interface's permitted
 * records, so a new optimizer or schedule record needs no code here.
 */
final class SealedJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SealedJson() {
    }

    static ObjectNode encode(Record value) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", value.getClass().getSimpleName());
        node.setAll((ObjectNode) MAPPER.valueToTree(value));
        return node;
    }

    /**
     * The record of {@code sealed} written by {@link #encode}.
     *
     * @param what names the kind in messages, e.g. {@code optimizer}
     * @throws IllegalArgumentException one line naming {@code where}: an unknown type or unreadable fields
     */
    static <T> T decode(JsonNode node, Class<T> sealed, String what, String where) {
        String type = node == null || !node.hasNonNull("type") ? "" : node.get("type").asText();
        List<Class<?>> permitted = Arrays.asList(sealed.getPermittedSubclasses());
        Class<?> cls = permitted.stream().filter(c -> c.getSimpleName().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(where + ": unknown " + what + " '" + type
                        + "'; this build has " + permitted.stream().map(Class::getSimpleName).toList()));
        ObjectNode fields = ((ObjectNode) node).deepCopy();
        fields.remove("type");
        try {
            return sealed.cast(MAPPER.treeToValue(fields, cls));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": cannot read " + what + " " + type + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}

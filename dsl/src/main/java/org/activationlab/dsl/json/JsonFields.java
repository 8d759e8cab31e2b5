package org.activationlab.dsl.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.layers.Layer;

/**
 * The fields of one JSON object of a model description, read with one-line errors that name where the object is
 * (e.g. {@code layer 3 (dense)}) and the field.
 */
public final class JsonFields {

    private final JsonNode node;
    private final String where;
    private final CodecRegistry registry;

    JsonFields(JsonNode node, String where, CodecRegistry registry) {
        if (node == null || !node.isObject()) {
            throw new ModelFormatException(where + ": expected a JSON object, got " + describe(node));
        }
        this.node = node;
        this.where = where;
        this.registry = registry;
    }

    /** Where this object is in the description, for messages. */
    public String where() {
        return where;
    }

    /** Whether the field is present (and not null). */
    public boolean has(String field) {
        return node.hasNonNull(field);
    }

    public int integer(String field) {
        JsonNode v = required(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw wrongType(field, "an integer", v);
        }
        return v.intValue();
    }

    public double number(String field) {
        JsonNode v = required(field);
        if (!v.isNumber()) {
            throw wrongType(field, "a number", v);
        }
        return v.doubleValue();
    }

    public boolean bool(String field) {
        JsonNode v = required(field);
        if (!v.isBoolean()) {
            throw wrongType(field, "true or false", v);
        }
        return v.booleanValue();
    }

    public String text(String field) {
        JsonNode v = required(field);
        if (!v.isTextual()) {
            throw wrongType(field, "a string", v);
        }
        return v.textValue();
    }

    /** An integer array such as a shape {@code [28, 28, 1]}. */
    public int[] integers(String field) {
        JsonNode v = required(field);
        if (!v.isArray()) {
            throw wrongType(field, "an array of integers", v);
        }
        int[] out = new int[v.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = v.get(i);
            if (!e.isIntegralNumber() || !e.canConvertToInt()) {
                throw wrongType(field + "[" + i + "]", "an integer", e);
            }
            out[i] = e.intValue();
        }
        return out;
    }

    /** An enum constant by its name, case-insensitive. */
    public <E extends Enum<E>> E constant(String field, Class<E> type) {
        String value = text(field);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(where + ": field '" + field + "' must be one of "
                    + Arrays.toString(type.getEnumConstants()) + ", got '" + value + "'");
        }
    }

    /** The activation in {@code field}. */
    public Activation activation(String field) {
        return registry.decodeActivation(object(field), where + " " + field);
    }

    /** The activation in {@code field}, or {@code null} when the field is absent (no fused activation). */
    public Activation optionalActivation(String field) {
        return has(field) ? registry.decodeActivation(node.get(field), where + " " + field) : null;
    }

    /** The JSON object in {@code field}, e.g. a nested activation. */
    public JsonNode object(String field) {
        JsonNode v = required(field);
        if (!v.isObject()) {
            throw wrongType(field, "a JSON object", v);
        }
        return v;
    }

    /** The layers in the array {@code field}, for codecs of containers such as a block of layers. */
    public List<Layer> layers(String field) {
        JsonNode v = required(field);
        if (!v.isArray()) {
            throw wrongType(field, "an array of layers", v);
        }
        List<Layer> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(registry.decodeLayer(v.get(i), where + " " + field + "[" + i + "]"));
        }
        return out;
    }

    /** The layer arrays in the array {@code field}, e.g. the branches of a concatenation. */
    public List<List<Layer>> layerLists(String field) {
        JsonNode v = required(field);
        if (!v.isArray()) {
            throw wrongType(field, "an array of layer arrays", v);
        }
        List<List<Layer>> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode list = v.get(i);
            if (!list.isArray()) {
                throw wrongType(field + "[" + i + "]", "an array of layers", list);
            }
            List<Layer> layers = new ArrayList<>();
            for (int j = 0; j < list.size(); j++) {
                layers.add(registry.decodeLayer(list.get(j), where + " " + field + "[" + i + "][" + j + "]"));
            }
            out.add(layers);
        }
        return out;
    }

    private JsonNode required(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new ModelFormatException(where + ": missing field '" + field + "'");
        }
        return v;
    }

    private ModelFormatException wrongType(String field, String expected, JsonNode got) {
        return new ModelFormatException(where + ": field '" + field + "' must be " + expected + ", got "
                + describe(got));
    }

    private static String describe(JsonNode v) {
        return v == null ? "nothing" : v.isTextual() ? "'" + v.textValue() + "'" : v.toString();
    }
}

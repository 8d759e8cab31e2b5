package org.activationlab.dsl.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.activationlab.dsl.ModelDefinitionException;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.layers.Layer;

/**
 * A {@link Sequential} as JSON and back: every layer (the input first) and every activation with all its
 * hyperparameters, under a format name and version, e.g.
 * <pre>{"format": "activation-lab-model", "format_version": 1, "layers": [
 *   {"type": "input", "shape": [28, 28, 1]}, {"type": "flatten"},
 *   {"type": "dense", "units": 10, "bias": true, "activation": {"name": "softmax"}}]}</pre>
 * Reading rebuilds the model through {@link Sequential#of}, so shapes are checked again.
 */
public final class ModelJson {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "activation-lab-model";
    /** The version this build writes and the only one it reads. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final CodecRegistry REGISTRY = CodecRegistry.load();

    private ModelJson() {
    }

    /** The registry of the class path's codecs. */
    public static CodecRegistry registry() {
        return REGISTRY;
    }

    /** The description as a JSON object. */
    public static ObjectNode encode(Sequential model) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT).put("format_version", FORMAT_VERSION);
        ArrayNode layers = root.putArray("layers");
        layers.add(REGISTRY.encodeLayer(model.input()));
        model.layers().forEach(l -> layers.add(REGISTRY.encodeLayer(l)));
        return root;
    }

    /** The description as indented JSON text. */
    public static String toJson(Sequential model) {
        try {
            return MAPPER.writeValueAsString(encode(model));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree Jackson built itself", e);
        }
    }

    /**
     * Reads a description written by {@link #toJson}; {@code source} names it in error messages (e.g. the file).
     *
     * @throws ModelFormatException one line naming the source and the problem: not JSON, another format, an
     *     unknown version, an unknown layer type, a missing or mistyped field, or layers whose shapes do not fit
     */
    public static Sequential fromJson(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(source + " is not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr());
        }
        return decode(root, source);
    }

    /** Reads a description from its JSON object (see {@link #fromJson}). */
    public static Sequential decode(JsonNode root, String source) {
        JsonFields top = new JsonFields(root, source, REGISTRY);
        String format = top.has("format") ? top.text("format") : "";
        if (!FORMAT.equals(format)) {
            throw new ModelFormatException(source + " is not an Activation Lab model description (its format is '"
                    + format + "', expected '" + FORMAT + "')");
        }
        int version = top.integer("format_version");
        if (version != FORMAT_VERSION) {
            throw new ModelFormatException(source + " has model format version " + version + "; this build reads"
                    + " version " + FORMAT_VERSION + " only" + (version > FORMAT_VERSION
                    ? ", so it was written by a newer Activation Lab: upgrade" : ""));
        }
        JsonNode array = root.get("layers");
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw new ModelFormatException(source + ": 'layers' must be a non-empty array, the input first");
        }
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            layers.add(REGISTRY.decodeLayer(array.get(i), source + " layer " + i));
        }
        try {
            return Sequential.of(layers.toArray(Layer[]::new));
        } catch (ModelDefinitionException e) {
            throw new ModelFormatException(source + ": " + e.getMessage());
        }
    }
}

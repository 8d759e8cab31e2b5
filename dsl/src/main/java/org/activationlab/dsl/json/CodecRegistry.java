package org.activationlab.dsl.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.layers.Layer;

/**
 * Every layer and activation codec of the class path ({@link CodecProvider}s found by {@link ServiceLoader}),
 * by JSON type name and by Java class. Two codecs claiming one name or one class are an error.
 */
public final class CodecRegistry {

    private final Map<String, LayerCodec<?>> layersByType = new LinkedHashMap<>();
    private final Map<Class<?>, LayerCodec<?>> layersByClass = new LinkedHashMap<>();
    private final Map<String, ActivationCodec<?>> activationsByName = new LinkedHashMap<>();
    private final Map<Class<?>, ActivationCodec<?>> activationsByClass = new LinkedHashMap<>();

    CodecRegistry(Iterable<CodecProvider> providers) {
        for (CodecProvider provider : providers) {
            for (LayerCodec<?> codec : provider.layerCodecs()) {
                claim(layersByType, codec.type(), codec, "layer type");
                claim(layersByClass, codec.layerClass(), codec, "layer class");
            }
            for (ActivationCodec<?> codec : provider.activationCodecs()) {
                claim(activationsByName, codec.name(), codec, "activation name");
                claim(activationsByClass, codec.activationClass(), codec, "activation class");
            }
        }
    }

    /** The codecs of every {@link CodecProvider} on the class path. */
    public static CodecRegistry load() {
        return new CodecRegistry(ServiceLoader.load(CodecProvider.class, CodecRegistry.class.getClassLoader()));
    }

    private static <K, V> void claim(Map<K, V> map, K key, V codec, String what) {
        V previous = map.putIfAbsent(key, codec);
        if (previous != null) {
            throw new IllegalStateException("two model codecs claim the " + what + " '" + key + "': "
                    + previous.getClass().getName() + " and " + codec.getClass().getName());
        }
    }

    /** The layer types this registry reads, e.g. {@code [input, dense, conv2d, ...]}. */
    public Set<String> layerTypes() {
        return Collections.unmodifiableSet(layersByType.keySet());
    }

    /** {@code layer} as a JSON object whose {@code type} field names its codec. */
    public ObjectNode encodeLayer(Layer layer) {
        @SuppressWarnings("unchecked")
        LayerCodec<Layer> codec = (LayerCodec<Layer>) layersByClass.get(layer.getClass());
        if (codec == null) {
            throw new IllegalArgumentException("no model codec for layer " + layer.describe() + " ("
                    + layer.getClass().getName() + "); register a LayerCodec through a CodecProvider");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("type", codec.type());
        codec.write(layer, out, this);
        return out;
    }

    /** Reads a layer written by {@link #encodeLayer}; {@code where} names it in error messages. */
    public Layer decodeLayer(JsonNode node, String where) {
        JsonFields fields = new JsonFields(node, where, this);
        String type = fields.text("type");
        LayerCodec<?> codec = layersByType.get(type);
        if (codec == null) {
            throw new ModelFormatException(where + ": unknown layer type '" + type + "'; this build reads "
                    + layersByType.keySet());
        }
        return read(new JsonFields(node, where + " (" + type + ")", this), codec::read);
    }

    /** Reads with {@code reader}; a description's own check (e.g. a negative size) is named by where it failed. */
    private static <T> T read(JsonFields named, java.util.function.Function<JsonFields, T> reader) {
        try {
            return reader.apply(named);
        } catch (ModelFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(named.where() + ": " + e.getMessage());
        }
    }

    /** {@code activation} as {@code {"name": ..., <hyperparameter>: value, ...}}. */
    public ObjectNode encodeActivation(Activation activation) {
        if (!activationsByClass.containsKey(activation.getClass())) {
            throw new IllegalArgumentException("no model codec for activation " + activation.displayName() + " ("
                    + activation.getClass().getName() + "); register an ActivationCodec through a CodecProvider");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("name", activation.name());
        for (Map.Entry<String, Object> h : activation.hyperparameters().entrySet()) {
            // Activation#hyperparameters promises Double or Boolean values
            if (h.getValue() instanceof Double d) {
                out.put(h.getKey(), d);
            } else if (h.getValue() instanceof Boolean b) {
                out.put(h.getKey(), b);
            } else {
                throw new IllegalArgumentException("activation " + activation.displayName() + " hyperparameter '"
                        + h.getKey() + "' is a " + h.getValue().getClass().getSimpleName()
                        + "; a model description holds numbers and booleans only");
            }
        }
        return out;
    }

    /** Reads an activation written by {@link #encodeActivation}. */
    public Activation decodeActivation(JsonNode node, String where) {
        JsonFields fields = new JsonFields(node, where, this);
        String name = fields.text("name");
        ActivationCodec<?> codec = activationsByName.get(name);
        if (codec == null) {
            throw new ModelFormatException(where + ": unknown activation '" + name + "'; this build reads "
                    + activationsByName.keySet());
        }
        return read(new JsonFields(node, where + " (" + name + ")", this), codec::read);
    }
}

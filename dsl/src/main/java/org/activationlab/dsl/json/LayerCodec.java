package org.activationlab.dsl.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.activationlab.dsl.layers.Layer;

/**
 * Writes one layer type to JSON and reads it back. A layer type outside this module registers its codec through a
 * {@link CodecProvider}; {@link ModelJson} finds codecs by the layer's class when writing and by {@link #type()}
 * when reading.
 *
 * @param <T> the layer type
 */
public interface LayerCodec<T extends Layer> {

    /** The value of the {@code type} field, e.g. {@code dense}; unique among all codecs. */
    String type();

    /** The layer class this codec writes. */
    Class<T> layerClass();

    /**
     * Writes every hyperparameter of {@code layer} into {@code out} (the {@code type} field is written by the
     * caller). Fused activations go through {@link CodecRegistry#encodeActivation}.
     */
    void write(T layer, ObjectNode out, CodecRegistry registry);

    /** Reads a layer written by {@link #write}. */
    T read(JsonFields in);
}

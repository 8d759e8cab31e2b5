package org.activationlab.dsl.json;

import java.util.List;

/**
 * A source of codecs, found with {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/org.activationlab.dsl.json.CodecProvider} to make new layer or activation types
 * readable and writable by {@link ModelJson}.
 */
public interface CodecProvider {

    List<LayerCodec<?>> layerCodecs();

    List<ActivationCodec<?>> activationCodecs();
}

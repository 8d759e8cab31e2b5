package org.activationlab.study.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * The fingerprint of a run's settings: the first 16 hex digits of the SHA-256 of the experiment, the variant and
 * the protocol as canonical JSON, with what follows from the activation itself left out (the activation's name in
 * the model's text is masked; the parameter count and the initializer, which the DSL derives from the activation,
 * are dropped). So every run of a study grid shares one fingerprint, whatever its activation and seed, and runs
 * with any other setting have another: they are never pooled, and one never replaces the other.
 */
public final class Fingerprints {

    private static final String MASK = "<activation>";

    private Fingerprints() {
    }

    public static String of(String experiment, String variant, Protocol protocol, ActivationInfo activation) {
        ObjectNode settings = RunRecords.MAPPER.createObjectNode();
        settings.put("experiment", experiment);
        settings.put("variant", variant);
        settings.set("protocol", canonical(protocol, activation));
        try {
            String text = RunRecords.MAPPER.writeValueAsString(settings);
            return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString().substring(0, 16);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a protocol for its fingerprint: " + e.getMessage(), e);
        }
    }

    /** The protocol as the fingerprint sees it: without what the activation itself determines. */
    static ObjectNode canonical(Protocol protocol, ActivationInfo activation) {
        ObjectNode node = RunRecords.MAPPER.valueToTree(protocol);
        node.remove("parameters");
        node.remove("initializer");
        node.put("model", protocol.model().replace(activation.display(), MASK));
        return node;
    }
}

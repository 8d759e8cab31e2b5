package org.activationlab.study.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fingerprint of a run's settings: the first 16 hex digits of the SHA-256 of the experiment, the variant and
 * every protocol field as canonical JSON. Two runs with equal fingerprints differ only in activation and seed, so
 * their results may be pooled; runs with different ones never are, and one never replaces the other.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String of(String experiment, String variant, Protocol protocol) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("experiment", experiment);
        settings.put("variant", variant);
        settings.put("protocol", protocol);
        try {
            String canonical = RunRecords.MAPPER.writeValueAsString(settings);
            return Hashing.sha256().hashString(canonical, StandardCharsets.UTF_8).toString().substring(0, 16);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a protocol for its fingerprint: " + e.getMessage(), e);
        }
    }
}

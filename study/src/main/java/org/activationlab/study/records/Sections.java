package org.activationlab.study.records;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The optional measurement sections of a run record, by name, as stored under {@code sections} in its JSON. A
 * section is read into its type on first access and cached; sections this build has no key for are kept as they
 * are, so a record written by a newer build keeps them when rewritten.
 */
public final class Sections {

    private static final Sections EMPTY = new Sections(Map.of());

    private final Map<String, JsonNode> nodes;
    private final Map<String, Object> typed = new ConcurrentHashMap<>();

    private Sections(Map<String, JsonNode> nodes) {
        this.nodes = Collections.unmodifiableMap(new TreeMap<>(nodes));
    }

    /** No sections. */
    public static Sections empty() {
        return EMPTY;
    }

    @JsonCreator
    static Sections fromJson(Map<String, JsonNode> nodes) {
        return nodes == null || nodes.isEmpty() ? EMPTY : new Sections(nodes);
    }

    @JsonValue
    Map<String, JsonNode> json() {
        return nodes;
    }

    /** The section under {@code key}, if the record has it. */
    public <T> Optional<T> get(SectionKey<T> key) {
        JsonNode node = nodes.get(key.name());
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        Object value = typed.computeIfAbsent(key.name(), k -> {
            try {
                return RunRecords.MAPPER.treeToValue(node, key.type());
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new IllegalArgumentException("section '" + key.name() + "' is not a valid "
                        + key.type().getSimpleName() + ": " + RunRecords.firstLine(e), e);
            }
        });
        return Optional.of(key.type().cast(value));
    }

    /** These sections with {@code value} under {@code key} (replacing one of that name). */
    public <T> Sections with(SectionKey<T> key, T value) {
        Objects.requireNonNull(value, "section value must not be null; leave the section out instead");
        Map<String, JsonNode> copy = new TreeMap<>(nodes);
        try {
            // through text, so that a section built in memory equals the same section read back (NaN as "NaN")
            copy.put(key.name(), RunRecords.MAPPER.readTree(RunRecords.MAPPER.writeValueAsString(value)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("section '" + key.name() + "' cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
        return new Sections(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sections s && nodes.equals(s.nodes);
    }

    @Override
    public int hashCode() {
        return nodes.hashCode();
    }

    @Override
    public String toString() {
        return "Sections" + nodes.keySet();
    }
}

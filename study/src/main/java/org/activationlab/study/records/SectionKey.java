package org.activationlab.study.records;

import java.util.Objects;

/**
 * Names one optional measurement section of a {@link RunRecord} and the type it holds, e.g.
 * {@link DawnBenchMetrics#SECTION}. A new measurement is a new key (and its record type), not a new field of every
 * record: declare {@code public static final SectionKey<MyMetric> SECTION = SectionKey.of("my_metric",
 * MyMetric.class)} and put it with {@link RunRecord.Builder#section}.
 *
 * @param name the JSON key under {@code sections}, lower snake case
 * @param type the section's type, bound from and to JSON by Jackson
 * @param <T> the section's type
 */
public record SectionKey<T>(String name, Class<T> type) {

    public SectionKey {
        Objects.requireNonNull(type, "section type must not be null");
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("section name must be lower snake case such as dawnbench, got "
                    + (name == null ? "null" : "'" + name + "'"));
        }
    }

    public static <T> SectionKey<T> of(String name, Class<T> type) {
        return new SectionKey<>(name, type);
    }
}

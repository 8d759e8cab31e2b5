package org.activationlab.study.records;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * The probes of a run, at initialisation (epoch 0) and after every epoch: the {@code probes} section.
 *
 * @param points one entry per probe, in epoch order
 */
public record Probes(@JsonValue List<ProbeRecord> points) {

    public static final SectionKey<Probes> SECTION = SectionKey.of("probes", Probes.class);

    @JsonCreator
    public Probes {
        points = List.copyOf(Objects.requireNonNull(points, "probes must not be null"));
    }
}

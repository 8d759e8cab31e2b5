package org.activationlab.study;

import java.io.Serializable;
import java.util.Objects;

/**
 * One run of a study grid to train, as an executor ships it (plain values, serialisable): which run, and where its
 * record goes, decided once by the study runner so that a re-executed cell writes the same file, never a second.
 *
 * @param index the run's index in the whole grid
 * @param position the cell's number among the runs this study trains now, from 1
 * @param count how many runs this study trains now
 * @param variant the run's variant, empty for none
 * @param activation the activation in text form ({@code Activation.spec()})
 * @param seed the run's seed
 * @param file the record's file
 * @param fingerprint the fingerprint of the run's settings, which the trained record must have
 */
public record GridCell(int index, int position, int count, String variant, String activation, long seed, String file,
        String fingerprint) implements Serializable {

    private static final long serialVersionUID = 1L;

    public GridCell {
        Objects.requireNonNull(variant, "grid cell variant must not be null");
        Objects.requireNonNull(activation, "grid cell activation must not be null");
        Objects.requireNonNull(file, "grid cell file must not be null");
        Objects.requireNonNull(fingerprint, "grid cell fingerprint must not be null");
    }

    /** The run as a log line names it, e.g. {@code lr-0.1 relu seed 3}. */
    public String label() {
        return (variant.isEmpty() ? "" : variant + " ") + activation + " seed " + seed;
    }
}

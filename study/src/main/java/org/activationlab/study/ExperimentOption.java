package org.activationlab.study;

import java.util.Objects;

/**
 * A setting of one experiment's own, such as the vanishing-gradients MLP's depth: the command line offers it as
 * {@code --<name>} and the experiment reads it from {@link StudySettings#option}.
 *
 * @param name the option's name, lower case with dashes, e.g. {@code learning-rates}
 * @param label what the value looks like in help, e.g. {@code LIST}
 * @param description one sentence for help texts
 * @param defaultValue the value when not given, as text
 */
public record ExperimentOption(String name, String label, String description, String defaultValue) {

    public ExperimentOption {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("experiment option name must be lower case with dashes, got '" + name
                    + "'");
        }
        Objects.requireNonNull(label, "option label must not be null");
        Objects.requireNonNull(description, "option description must not be null");
        Objects.requireNonNull(defaultValue, "option default must not be null");
    }
}

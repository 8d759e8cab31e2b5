package org.activationlab.examples.experiments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.activationlab.study.StudySettings;

/** Parses the experiments' own options, with one-line errors naming the option, the value and its position. */
final class Options {

    private Options() {
    }

    static int integer(StudySettings settings, String name) {
        String text = settings.option(name).strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + text + "'", e);
        }
    }

    /** A finite number. */
    static double number(StudySettings settings, String name) {
        return finite(name, settings.option(name).strip());
    }

    /** A comma-separated list: no empty, duplicate or unparseable item. */
    static <T> List<T> list(StudySettings settings, String name, Function<String, T> parse) {
        String text = settings.option(name);
        String[] parts = text.split(",", -1);
        List<T> values = new ArrayList<>();
        Set<T> seen = new HashSet<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) {
                throw new IllegalArgumentException("--" + name + " has an empty item at position " + (i + 1) + " in '"
                        + text + "'; separate the values with single commas");
            }
            T value = parse.apply(part);
            if (!seen.add(value)) {
                throw new IllegalArgumentException("--" + name + " lists " + part + " twice (position " + (i + 1)
                        + "); give each value once");
            }
            values.add(value);
        }
        return values;
    }

    /** A finite number, e.g. a learning rate; {@code name} names the option in the message. */
    static double finite(String name, String text) {
        double value;
        try {
            value = new BigDecimal(text).doubleValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be numbers such as 0.01,0.1,1; '" + text
                    + "' is not a number", e);
        }
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("--" + name + " value " + text + " is too large to be a finite number");
        }
        return value;
    }
}

package org.activationlab.study;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The registry of experiments: every {@link Experiment} listed in a {@code META-INF/services} file on the class
 * path, in class-path order, found through {@link ServiceLoader}.
 */
public final class Experiments {

    private final Map<String, Experiment<?>> byName;

    private Experiments(Map<String, Experiment<?>> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** The experiments registered with this class's class loader. */
    public static Experiments registered() {
        Map<String, Experiment<?>> byName = new LinkedHashMap<>();
        for (Experiment<?> e : ServiceLoader.load(Experiment.class, Experiments.class.getClassLoader())) {
            Experiment<?> twin = byName.putIfAbsent(e.name(), e);
            if (twin != null && twin.getClass() != e.getClass()) {
                throw new IllegalStateException("two experiments are named '" + e.name() + "': "
                        + twin.getClass().getName() + " and " + e.getClass().getName() + "; rename one");
            }
        }
        return new Experiments(byName);
    }

    /** Every experiment, in registration order. */
    public List<Experiment<?>> all() {
        return new ArrayList<>(byName.values());
    }

    /** The names, in registration order. */
    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    /**
     * The experiment of that name.
     *
     * @throws IllegalArgumentException naming the registered ones
     */
    public Experiment<?> get(String name) {
        Experiment<?> e = byName.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown experiment '" + name + "'; registered: "
                    + String.join(", ", byName.keySet()) + " (see `activation-lab list`)");
        }
        return e;
    }
}

package org.activationlab.study;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/** The grid executors on the class path, found through {@link ServiceLoader}. */
public final class GridExecutors {

    private GridExecutors() {
    }

    /**
     * The executor called {@code name}.
     *
     * @throws IllegalArgumentException naming the executors there are and how to build the optional Spark engine
     */
    public static GridExecutor named(String name) {
        Map<String, GridExecutor> byName = new LinkedHashMap<>();
        for (GridExecutor e : ServiceLoader.load(GridExecutor.class, GridExecutors.class.getClassLoader())) {
            byName.putIfAbsent(e.name(), e);
        }
        GridExecutor e = byName.get(name);
        if (e == null) {
            throw new IllegalArgumentException("--executor " + name + " is not on the class path (here: "
                    + String.join(", ", byName.keySet()) + "); the Spark engine is an optional module: build it with"
                    + " `mvn -Pspark install -DskipTests` or run `ACTIVATIONLAB_PROFILES=spark bin/activation-lab ...`");
        }
        return e;
    }
}

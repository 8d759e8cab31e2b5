package org.activationlab.data;

/** Informational lines about data loading (downloads, extractions, decoding), on standard error. */
public final class DataLog {

    private DataLog() {
    }

    /** Prints {@code "activation-lab: <message>"} to standard error. */
    public static void info(String message) {
        System.err.println("activation-lab: " + message);
    }
}

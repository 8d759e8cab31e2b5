package org.activationlab.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Facts about the machine and process that a benchmark report needs, read from {@code /proc} on Linux. */
public final class SystemInfo {

    private SystemInfo() {
    }

    /** The process's peak resident set size in kB ({@code VmHWM}), or empty where {@code /proc} is unavailable. */
    public static OptionalLong peakRssKb() {
        return parseStatusKb(read(Path.of("/proc/self/status")), "VmHWM");
    }

    /** The CPU's model name, or the architecture if {@code /proc/cpuinfo} does not name it. */
    public static String cpuModel() {
        String model = parseCpuModel(read(Path.of("/proc/cpuinfo")));
        return model != null ? model : "unknown (" + System.getProperty("os.arch") + ")";
    }

    /** The TensorFlow runtime version loaded by TensorFlow Java (loads the native library). */
    public static String tensorflowVersion() {
        return org.tensorflow.TensorFlow.version();
    }

    /** A {@code kB} field such as {@code VmHWM:   123456 kB} of a {@code /proc/<pid>/status} text. */
    static OptionalLong parseStatusKb(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field + ":")) {
                String value = line.substring(field.length() + 1).strip();
                if (value.endsWith("kB")) {
                    value = value.substring(0, value.length() - 2).strip();
                }
                try {
                    return OptionalLong.of(Long.parseLong(value));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    /** The first {@code model name} of a {@code /proc/cpuinfo} text, or {@code null}. */
    static String parseCpuModel(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals("model name")) {
                String model = line.substring(colon + 1).strip().replaceAll("\\s+", " ");
                return model.isEmpty() ? null : model;
            }
        }
        return null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}

package org.activationlab.data.archive;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Caps on what extracting one archive may write, so that a hostile or mistaken archive (a gzip bomb,
 * millions of tiny entries) is refused before it fills the disk. Free disk space is checked on top of
 * {@link #maxBytes}.
 *
 * @param maxBytes the most bytes of file content an extraction may write, positive
 * @param maxEntries the most entries (files and folders) an archive may hold, positive
 */
public record ExtractionLimits(long maxBytes, int maxEntries) {

    /**
     * Default {@link #maxBytes}: 1 GiB. Extracted image folders are decoded into memory as floats,
     * four or more times their size on disk, so a larger folder would not fit in memory anyway.
     */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;
    /** Default {@link #maxEntries}: 100,000 (CIFAR-10's JPEG copy, the largest image folder in use, has about 60,000). */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;
    /** System property overriding {@link #maxBytes}, e.g. {@code 4G}. */
    public static final String MAX_BYTES_PROPERTY = "activationlab.extract.maxBytes";
    /** Environment variable overriding {@link #maxBytes} if the property is unset. */
    public static final String MAX_BYTES_ENV = "ACTIVATIONLAB_EXTRACT_MAX_BYTES";
    /** System property overriding {@link #maxEntries}. */
    public static final String MAX_ENTRIES_PROPERTY = "activationlab.extract.maxEntries";
    /** Environment variable overriding {@link #maxEntries} if the property is unset. */
    public static final String MAX_ENTRIES_ENV = "ACTIVATIONLAB_EXTRACT_MAX_ENTRIES";

    /** Validates that both caps are positive. */
    public ExtractionLimits {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("extraction byte cap must be > 0, got " + maxBytes);
        }
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("extraction entry cap must be > 0, got " + maxEntries);
        }
    }

    /** {@link #DEFAULT_MAX_BYTES} and {@link #DEFAULT_MAX_ENTRIES}. */
    public static ExtractionLimits defaults() {
        return new ExtractionLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRIES);
    }

    /**
     * The defaults, overridden by the system properties or else the environment variables above.
     *
     * @throws IllegalArgumentException naming the property or variable if its value is not a positive
     *     number ({@code maxBytes} may end in {@code K}, {@code M} or {@code G}, powers of 1024)
     */
    public static ExtractionLimits fromConfiguration(UnaryOperator<String> properties,
                                                     UnaryOperator<String> environment) {
        long bytes = DEFAULT_MAX_BYTES;
        int entries = DEFAULT_MAX_ENTRIES;
        String bytesName = configured(properties, MAX_BYTES_PROPERTY) != null ? "-D" + MAX_BYTES_PROPERTY : MAX_BYTES_ENV;
        String bytesValue = firstNonBlank(properties.apply(MAX_BYTES_PROPERTY), environment.apply(MAX_BYTES_ENV));
        if (bytesValue != null) {
            bytes = parseBytes(bytesName, bytesValue);
        }
        String entriesName = configured(properties, MAX_ENTRIES_PROPERTY) != null
                ? "-D" + MAX_ENTRIES_PROPERTY : MAX_ENTRIES_ENV;
        String entriesValue = firstNonBlank(properties.apply(MAX_ENTRIES_PROPERTY), environment.apply(MAX_ENTRIES_ENV));
        if (entriesValue != null) {
            long parsed = parsePositive(entriesName, entriesValue.strip(), 1, "a positive number of entries such as 500000",
                    entriesValue);
            if (parsed > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(entriesName + " must be at most " + Integer.MAX_VALUE + ", got '"
                        + entriesValue + "'");
            }
            entries = (int) parsed;
        }
        return new ExtractionLimits(bytes, entries);
    }

    private static String configured(UnaryOperator<String> properties, String name) {
        String value = properties.apply(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }

    private static long parseBytes(String name, String value) {
        String text = value.strip().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (!text.isEmpty() && "KMG".indexOf(text.charAt(text.length() - 1)) >= 0) {
            unit = 1L << (10 * ("KMG".indexOf(text.charAt(text.length() - 1)) + 1));
            text = text.substring(0, text.length() - 1);
        }
        return parsePositive(name, text, unit, "a positive number of bytes such as 4G, 512M or 1000000", value);
    }

    private static long parsePositive(String name, String text, long unit, String expected, String original) {
        try {
            long value = Long.parseLong(text);
            if (value > 0) {
                return Math.multiplyExact(value, unit);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below, with the variable's name
        }
        throw new IllegalArgumentException(name + " must be " + expected + ", got '" + original + "'");
    }

    /** E.g. {@code "1,073,741,824 bytes and 200,000 entries"}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d bytes and %,d entries", maxBytes, maxEntries);
    }
}

package org.activationlab.dsl.activations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.special.Erf;

/**
 * Factories for every activation, and the parser for their text form: a name, optionally followed by a colon
 * and comma-separated hyperparameters given by position or as {@code key=value}, e.g. {@code relu},
 * {@code leaky_relu:0.01}, {@code elu:alpha=1.0}, {@code prelu:0.25,per_channel=true}.
 */
public final class Activations {

    /** The negative slope the reproduced papers use for LeakyReLU. */
    public static final double PAPER_LEAKY_SLOPE = 0.01;

    private Activations() {
    }

    public static Relu relu() {
        return new Relu();
    }

    public static LeakyRelu leakyRelu(double negativeSlope) {
        return new LeakyRelu(negativeSlope);
    }

    /** LeakyReLU with the papers' slope 0.01. */
    public static LeakyRelu leakyRelu() {
        return new LeakyRelu(PAPER_LEAKY_SLOPE);
    }

    /** PReLU with one shared slope initialised to 0.25, as in PyTorch and the CNN paper. */
    public static PRelu prelu() {
        return new PRelu(0.25, false);
    }

    public static Elu elu() {
        return new Elu(1.0);
    }

    public static Selu selu() {
        return new Selu();
    }

    public static Tanh tanh() {
        return new Tanh();
    }

    public static Sigmoid sigmoid() {
        return new Sigmoid();
    }

    public static Softmax softmax() {
        return new Softmax();
    }

    public static Linear linear() {
        return new Linear();
    }

    public static Gelu gelu() {
        return new Gelu();
    }

    public static Swish swish() {
        return new Swish();
    }

    public static Mish mish() {
        return new Mish();
    }

    public static Softplus softplus() {
        return new Softplus();
    }

    /** Every name {@link #parse(String)} accepts, with its hyperparameters in positional order. */
    public static Map<String, List<String>> catalogue() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        names.put("relu", List.of());
        names.put("leaky_relu", List.of("negative_slope"));
        names.put("prelu", List.of("init", "per_channel"));
        names.put("elu", List.of("alpha"));
        names.put("selu", List.of());
        names.put("tanh", List.of());
        names.put("sigmoid", List.of());
        names.put("softmax", List.of());
        names.put("linear", List.of());
        names.put("gelu", List.of());
        names.put("swish", List.of());
        names.put("silu", List.of());
        names.put("mish", List.of());
        names.put("softplus", List.of());
        return names;
    }

    /**
     * Parses the text form of an activation.
     *
     * @throws IllegalArgumentException naming the text, the problem and the accepted forms
     */
    public static Activation parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("activation must not be empty; use one of " + catalogue().keySet());
        }
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        String name = (colon < 0 ? trimmed : trimmed.substring(0, colon)).toLowerCase(Locale.ROOT).replace('-', '_');
        List<String> keys = catalogue().get(name);
        if (keys == null) {
            throw new IllegalArgumentException("unknown activation '" + name + "' in '" + text + "'; use one of "
                    + catalogue().keySet());
        }
        Map<String, String> args = arguments(text, name, keys, colon < 0 ? "" : trimmed.substring(colon + 1));
        return switch (name) {
            case "relu" -> relu();
            case "leaky_relu" -> leakyRelu(number(text, args, "negative_slope", PAPER_LEAKY_SLOPE));
            case "prelu" -> new PRelu(number(text, args, "init", 0.25), bool(text, args, "per_channel", false));
            case "elu" -> new Elu(number(text, args, "alpha", 1.0));
            case "selu" -> selu();
            case "tanh" -> tanh();
            case "sigmoid" -> sigmoid();
            case "softmax" -> softmax();
            case "linear" -> linear();
            case "gelu" -> gelu();
            case "swish", "silu" -> swish();
            case "mish" -> mish();
            case "softplus" -> softplus();
            default -> throw new IllegalStateException("catalogue and parser disagree on " + name);
        };
    }

    /** Parses a comma-separated list such as {@code relu,leaky_relu:0.01,sigmoid}. */
    public static List<Activation> parseList(String text) {
        List<String> items = new ArrayList<>();
        List<String> current = new ArrayList<>();
        String[] parts = text.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String trimmedPart = parts[i].trim();
            if (trimmedPart.isEmpty()) {
                throw new IllegalArgumentException("activation list '" + text + "' has an empty item after "
                        + (items.size() + (current.isEmpty() ? 0 : 1)) + " activation(s); separate activations with"
                        + " single commas, e.g. relu,tanh");
            }
            // a part without a name of its own continues the previous activation's arguments
            // "name" or "name:..." starts one; "key=value" (an '=' before any ':') does not
            String rawHead = trimmedPart.split("[:=]")[0];
            String head = rawHead.toLowerCase(Locale.ROOT).replace('-', '_');
            boolean keyValue = trimmedPart.startsWith("=", rawHead.length());
            boolean startsActivation = catalogue().containsKey(head) && !keyValue;
            if (startsActivation && !current.isEmpty()) {
                items.add(String.join(",", current));
                current.clear();
            }
            current.add(parts[i]);
        }
        items.add(String.join(",", current));
        List<Activation> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Activation a = parse(items.get(i));
            for (int j = 0; j < out.size(); j++) {
                if (out.get(j).spec().equals(a.spec())) {
                    throw new IllegalArgumentException("activation list '" + text + "' lists " + a.spec()
                            + " twice (positions " + (j + 1) + " and " + (i + 1) + "); give each activation once");
                }
            }
            out.add(a);
        }
        return out;
    }

    private static Map<String, String> arguments(String text, String name, List<String> keys, String argText) {
        Map<String, String> args = new LinkedHashMap<>();
        if (argText.isBlank()) {
            return args;
        }
        String[] parts = argText.split(",");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            int eq = part.indexOf('=');
            String key;
            String value;
            if (eq >= 0) {
                key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                value = part.substring(eq + 1).trim();
            } else if (i < keys.size()) {
                key = keys.get(i);
                value = part;
            } else {
                throw new IllegalArgumentException("activation '" + text + "': " + name + " takes "
                        + (keys.isEmpty() ? "no hyperparameters" : "at most " + keys.size() + " " + keys));
            }
            if (!keys.contains(key)) {
                throw new IllegalArgumentException("activation '" + text + "': unknown hyperparameter '" + key
                        + "' for " + name + "; it accepts " + keys);
            }
            if (args.put(key, value) != null) {
                throw new IllegalArgumentException("activation '" + text + "': hyperparameter '" + key + "' given twice");
            }
        }
        return args;
    }

    private static double number(String text, Map<String, String> args, String key, double fallback) {
        String v = args.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("activation '" + text + "': " + key + " must be a number, got '" + v + "'");
        }
    }

    private static boolean bool(String text, Map<String, String> args, String key, boolean fallback) {
        String v = args.get(key);
        if (v == null) {
            return fallback;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("activation '" + text + "': " + key
                    + " must be true or false, got '" + v + "'");
        };
    }

    /** Formats a hyperparameter the same way on every machine: shortest round-trip decimal, no locale. */
    static String format(Object value) {
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.1f", d) : Double.toString(d);
        }
        return String.valueOf(value);
    }

    /** Numerically stable logistic sigmoid. */
    static double logistic(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** The standard normal CDF. */
    static double normalCdf(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2.0));
    }
}

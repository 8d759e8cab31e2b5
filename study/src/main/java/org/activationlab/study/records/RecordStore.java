package org.activationlab.study.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.hash.Hashing;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where the runs of one experiment go, so that no finished result is ever replaced by a run of other settings: a
 * folder holds runs of one fingerprint only. A run whose settings equal those of the runs already in its main
 * folder (or whose main folder is empty) goes there; any other run goes to
 * {@code other-settings/<the settings that differ>/} below it, e.g. {@code other-settings/epochs-1_train-limit-2000},
 * a name built from normalised values and short hashes that always fits a file system.
 *
 * <p>Scans the existing records once; {@link #register} records what a run wrote. Thread-safe.
 */
public final class RecordStore {

    private static final Pattern SIMPLE = Pattern.compile("[A-Za-z0-9.]{1,16}");
    private static final int MAX_NAME = 80;
    private static final int SIMPLE_LENGTH = 12;

    private final Path experimentDir;
    private final String experiment;
    /** Every record file known, by path. */
    private final Map<Path, RunRecord> byPath = new HashMap<>();

    private RecordStore(Path experimentDir, String experiment) {
        this.experimentDir = experimentDir;
        this.experiment = experiment;
    }

    /**
     * The store of {@code experiment}'s records in {@code experimentDir}, with the existing ones read.
     *
     * @throws InvalidRecordException naming the first corrupt record
     */
    public static RecordStore open(Path experimentDir, String experiment) {
        RunRecords.checkedName("experiment name", experiment);
        RecordStore store = new RecordStore(experimentDir, experiment);
        for (Path f : RunRecords.files(experimentDir)) {
            store.byPath.put(f, RunRecords.read(f));
        }
        return store;
    }

    /**
     * Where the run of {@code activationSlug} and {@code seed} with {@code protocol} belongs, and the finished
     * record of the same settings already there, if any.
     */
    public synchronized Placement place(String variant, Protocol protocol, ActivationInfo activation,
            String activationSlug, long seed) {
        String fingerprint = Fingerprints.of(experiment, variant, protocol, activation);
        Path main = RunRecords.variantFolder(experimentDir, variant);
        String fileName = RunRecords.fileName(activationSlug, seed);
        List<RunRecord> inMain = recordsIn(main);
        RunRecord atMain = byPath.get(main.resolve(fileName));
        boolean mainFits = inMain.isEmpty() || inMain.get(0).fingerprint().equals(fingerprint);
        if (mainFits && (atMain == null || atMain.fingerprint().equals(fingerprint))) {
            return new Placement(main.resolve(fileName), atMain, "");
        }
        RunRecord first = inMain.get(0);
        String name = difference(Fingerprints.canonical(first.protocol(), first.activation()),
                Fingerprints.canonical(protocol, activation), fingerprint);
        Path folder = main.resolve(RunRecords.OTHER_SETTINGS).resolve(name);
        List<RunRecord> there = recordsIn(folder);
        if (!there.isEmpty() && !there.get(0).fingerprint().equals(fingerprint)) {
            name = name.substring(0, Math.min(name.length(), MAX_NAME - 17)) + "-" + fingerprint;
            folder = main.resolve(RunRecords.OTHER_SETTINGS).resolve(name);
        }
        return new Placement(folder.resolve(fileName), byPath.get(folder.resolve(fileName)), name);
    }

    /** Notes a record just written to {@code file}. */
    public synchronized void register(Path file, RunRecord record) {
        byPath.put(file, record);
    }

    /** The records of one folder (not its subfolders). */
    private List<RunRecord> recordsIn(Path folder) {
        return byPath.entrySet().stream().filter(e -> folder.equals(e.getKey().getParent()))
                .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }

    /**
     * A run's place.
     *
     * @param file the record's file
     * @param existing the record already in {@code file} with the same settings, or {@code null}
     * @param otherSettings the {@value RunRecords#OTHER_SETTINGS} folder name, empty for the main folder
     */
    public record Placement(Path file, RunRecord existing, String otherSettings) {
    }

    /**
     * The settings of {@code run} that differ from {@code main}'s as a folder name: {@code name-value} for short
     * plain values (numbers normalised), {@code name-<6 hex digits>} for others, joined by {@code _}; a name that
     * would be too long becomes {@code settings-<fingerprint>}.
     */
    static String difference(JsonNode main, JsonNode run, String fingerprint) {
        Map<String, JsonNode> a = flatten(main);
        Map<String, JsonNode> b = flatten(run);
        List<String> parts = new ArrayList<>();
        for (String key : b.keySet().stream().sorted(Comparator.comparingInt(k -> order(k, b))).toList()) {
            if (!b.get(key).equals(a.get(key))) {
                parts.add(token(key, b.get(key)));
            }
        }
        for (String key : a.keySet()) {
            if (!b.containsKey(key)) {
                parts.add("no-" + key.replace('_', '-'));
            }
        }
        String name = parts.isEmpty() ? "settings-" + fingerprint : String.join("_", parts);
        return name.length() > MAX_NAME ? "settings-" + fingerprint : name;
    }

    private static int order(String key, Map<String, JsonNode> fields) {
        int i = 0;
        for (String k : fields.keySet()) {
            if (k.equals(key)) {
                return i;
            }
            i++;
        }
        return i;
    }

    /** The protocol's fields, with {@code settings.x} as {@code x}, in declaration order. */
    private static Map<String, JsonNode> flatten(JsonNode protocol) {
        Map<String, JsonNode> fields = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = protocol.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("settings")) {
                e.getValue().fields().forEachRemaining(s -> fields.put(s.getKey(), s.getValue()));
            } else {
                fields.put(e.getKey(), e.getValue());
            }
        }
        return fields;
    }

    private static String token(String key, JsonNode value) {
        String name = key.replace('_', '-');
        if (value.isBoolean()) {
            return value.asBoolean() ? name : "no-" + name;
        }
        String text = value.asText();
        if (value.isNumber() || isNumber(text)) {
            BigDecimal number = new BigDecimal(text).stripTrailingZeros();
            String plain = number.toPlainString();
            text = plain.length() <= SIMPLE_LENGTH ? plain
                    : number.toString().toLowerCase(Locale.ROOT).replace("+", "");
        }
        if (SIMPLE.matcher(text).matches()) {
            return name + "-" + text;
        }
        return name + "-" + Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString().substring(0, 6);
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Fails if one folder of {@code records} (read from below {@code experimentDir}) holds runs of different
     * settings, which a page must not pool.
     */
    static void requireOneFingerprintPerFolder(Path experimentDir, Collection<RunRecord> records) {
        Map<String, List<RunRecord>> byVariant = records.stream()
                .collect(Collectors.groupingBy(RunRecord::variant));
        for (Map.Entry<String, List<RunRecord>> e : byVariant.entrySet()) {
            Map<String, Long> prints = e.getValue().stream()
                    .collect(Collectors.groupingBy(RunRecord::fingerprint, Collectors.counting()));
            if (prints.size() > 1) {
                Path folder = e.getKey().isEmpty() ? experimentDir : experimentDir.resolve(e.getKey());
                throw new IllegalArgumentException(folder + " holds runs of " + prints.size() + " different settings"
                        + " (fingerprints " + prints.entrySet().stream().map(p -> p.getKey() + " x" + p.getValue())
                        .collect(Collectors.joining(", ")) + "), which a page must not pool; run `activation-lab"
                        + " records --tidy --out " + experimentDir.getParent() + "` to move the minority to "
                        + RunRecords.OTHER_SETTINGS + "/");
            }
        }
    }

    /** The most common fingerprint of {@code records} (ties: the smallest). */
    static String majority(List<RunRecord> records) {
        return records.stream().collect(Collectors.groupingBy(RunRecord::fingerprint, Collectors.counting()))
                .entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElseThrow();
    }

    /**
     * Rewrites every record of the experiment in the current schema (upgrading older ones through
     * {@code complete}, which may add what an old record lacks) and moves the runs of a main folder whose settings
     * differ from the folder's majority to {@value RunRecords#OTHER_SETTINGS}, so that no page pools them.
     *
     * @return the files written or moved, for the log
     */
    public static List<String> tidy(Path experimentDir, UnaryOperator<RunRecord> complete) {
        List<String> log = new ArrayList<>();
        Map<Path, RunRecord> all = new java.util.TreeMap<>();
        for (Path f : RunRecords.files(experimentDir)) {
            all.put(f, complete.apply(RunRecords.read(f)));
        }
        Map<Path, List<Path>> byFolder = all.keySet().stream()
                .filter(f -> !RunRecords.isUnderOtherSettings(experimentDir.relativize(f)))
                .collect(Collectors.groupingBy(Path::getParent, java.util.TreeMap::new, Collectors.toList()));
        for (Map.Entry<Path, List<Path>> folder : byFolder.entrySet()) {
            List<RunRecord> records = folder.getValue().stream().map(all::get).toList();
            String keep = majority(records);
            RunRecord main = records.stream().filter(r -> r.fingerprint().equals(keep)).findFirst().orElseThrow();
            for (Path f : folder.getValue()) {
                RunRecord r = all.get(f);
                if (!r.fingerprint().equals(keep)) {
                    Path target = folder.getKey().resolve(RunRecords.OTHER_SETTINGS)
                            .resolve(difference(Fingerprints.canonical(main.protocol(), main.activation()),
                                    Fingerprints.canonical(r.protocol(), r.activation()), r.fingerprint()))
                            .resolve(f.getFileName());
                    if (all.containsKey(target)) {
                        throw new IllegalArgumentException("cannot move " + f + " to " + target + ": a record is"
                                + " there already; move one of them by hand");
                    }
                    all.remove(f);
                    all.put(target, r);
                    deleteAfterWrite(f, target, r);
                    log.add("moved " + f + " -> " + target + " (other settings than the folder's)");
                }
            }
        }
        for (Map.Entry<Path, RunRecord> e : all.entrySet()) {
            String json = RunRecords.toJson(e.getValue());
            if (!json.equals(readQuietly(e.getKey()))) {
                AtomicFiles.writeString(e.getKey(), json);
                log.add("rewrote " + e.getKey() + " (schema " + RunRecord.SCHEMA_VERSION + ")");
            }
        }
        return log;
    }

    private static void deleteAfterWrite(Path from, Path to, RunRecord r) {
        RunRecords.write(to, r);
        try {
            java.nio.file.Files.delete(from);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("moved " + from + " to " + to + " but cannot delete the original: "
                    + e.getMessage() + "; delete it by hand", e);
        }
    }

    private static String readQuietly(Path file) {
        try {
            return java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}

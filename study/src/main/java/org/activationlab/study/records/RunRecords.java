package org.activationlab.study.records;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Stores {@link RunRecord}s as one JSON file per run under
 * {@code <results>/<experiment>/[<variant>/]<activation slug>-seed<seed>.json}; runs whose settings differ from
 * those already in that folder go to {@code other-settings/<the settings that differ>/} below it (see
 * {@link RecordStore}).
 *
 * <p>The JSON uses snake_case field names in record declaration order and map keys sorted, so that the same
 * record always gives the same bytes. NaN and infinite numbers, which a diverged run produces, are written as the
 * JSON strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}. Records of schema 1 to 4 are upgraded
 * when read; a record that fails validation is refused with one line naming the file, the field and the fix.
 */
public final class RunRecords {

    private static final String EXTENSION = ".json";
    /** Folder, below an experiment's or variant's folder, of runs with settings other than the folder's. */
    public static final String OTHER_SETTINGS = "other-settings";
    /** What may name an experiment's or a variant's folder: one path segment, no dot-dot, no separators. */
    public static final Pattern FOLDER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // a missing or null number must not silently become 0
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    // Jackson's default indenter uses the platform line separator; a fixed one keeps files identical everywhere
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private static final String FIX = "delete the file (or restore it with git) and re-run that activation and seed";

    private RunRecords() {
    }

    /**
     * The main folder of an experiment's variant: {@code <resultsDir>/<experiment>[/<variant>]}.
     *
     * @throws IllegalArgumentException if the experiment or variant is not a plain folder name
     */
    public static Path folderOf(Path resultsDir, String experiment, String variant) {
        return variantFolder(resultsDir.resolve(checkedName("experiment name", experiment)), variant);
    }

    /** The main folder of a variant below an experiment's folder. */
    public static Path variantFolder(Path experimentDir, String variant) {
        return variant.isEmpty() ? experimentDir : experimentDir.resolve(checkedName("variant", variant));
    }

    /**
     * Checks that {@code name} can name a folder of records (an experiment or a study): letters, digits, '.', '_'
     * or '-', at most 80 characters.
     */
    public static String checkedName(String what, String name) {
        if (name == null || !FOLDER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must be letters, digits, '.', '_' or '-' (a single folder"
                    + " name of at most 80 characters such as mnist-mlp), got "
                    + (name == null ? "null" : "'" + name + "'"));
        }
        return name;
    }

    /** The file name of one run in a folder: {@code <slug>-seed<seed>.json}. */
    public static String fileName(String activationSlug, long seed) {
        return activationSlug + "-seed" + seed + EXTENSION;
    }

    /** The record as the JSON text {@link #write} stores, ending with a newline. */
    public static String toJson(RunRecord r) {
        try {
            return WRITER.writeValueAsString(r) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the run record of " + r.activation().spec()
                    + " seed " + r.seed() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses, upgrades and validates a record from JSON text.
     *
     * @param origin names the text's source in error messages, e.g. the file
     * @throws InvalidRecordException naming {@code origin}, the field and the fix
     */
    public static RunRecord fromJson(String json, String origin) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new InvalidRecordException("run record " + origin + " is malformed JSON" + where + ": "
                    + e.getOriginalMessage() + "; " + FIX, e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidRecordException("run record " + origin + " is not a JSON object; " + FIX, null);
        }
        JsonNode version = tree.get("schema_version");
        int v = version != null && version.canConvertToInt() ? version.asInt() : -1;
        if (v < 1 || v > RunRecord.SCHEMA_VERSION) {
            throw new InvalidRecordException("run record " + origin + " has schema_version " + version
                    + " but this build reads versions 1 to " + RunRecord.SCHEMA_VERSION
                    + "; use the activation-lab version that wrote it, or " + FIX, null);
        }
        if (v < RunRecord.SCHEMA_VERSION) {
            LegacyRecords.upgrade((ObjectNode) tree, v);
        }
        try {
            return MAPPER.treeToValue(tree, RunRecord.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidRecordException("run record " + origin + ": " + firstLine(e) + "; " + FIX, e);
        }
    }

    /** The innermost message of {@code e} on one line, without Jackson's source excerpt. */
    static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
        m = m == null ? t.getClass().getSimpleName() : m;
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * Atomically writes the record to {@code file}, replacing any previous one, so that an interrupted run never
     * leaves a half-written record behind.
     *
     * @throws UncheckedIOException naming the file if it cannot be written
     */
    public static void write(Path file, RunRecord r) {
        AtomicFiles.writeString(file, toJson(r));
    }

    /**
     * Reads one record.
     *
     * @throws UncheckedIOException naming the file if it is missing or unreadable
     * @throws InvalidRecordException naming the file if it is not a valid record
     */
    public static RunRecord read(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("run record " + file + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read run record " + file + ": " + e.getMessage(), e);
        }
        return fromJson(json, file.toString());
    }

    /**
     * Reads the records of an experiment's main folders (its folder and its variants' folders, without
     * {@value #OTHER_SETTINGS}), sorted by variant, activation spec and seed: the runs its page reports.
     *
     * @return the records, empty if the experiment's directory does not exist
     * @throws InvalidRecordException naming the first corrupt record
     * @throws IllegalArgumentException if one folder holds runs of different settings (fingerprints)
     */
    public static List<RunRecord> readAll(Path resultsDir, String experiment) {
        return readAllIn(resultsDir.resolve(checkedName("experiment name", experiment)));
    }

    /** {@link #readAll} of the experiment whose records are in {@code experimentDir}. */
    public static List<RunRecord> readAllIn(Path experimentDir) {
        List<RunRecord> records = new ArrayList<>();
        for (Path f : files(experimentDir)) {
            if (!isUnderOtherSettings(experimentDir.relativize(f))) {
                records.add(read(f));
            }
        }
        RecordStore.requireOneFingerprintPerFolder(experimentDir, records);
        return sorted(records);
    }

    /**
     * The records of the other settings of the experiment in {@code experimentDir}, by the {@value #OTHER_SETTINGS}
     * folder they are in, named by the folders on the way without {@value #OTHER_SETTINGS} ({@code epochs-2}, or
     * {@code lr-0.5-epochs-2} for a variant's), each sorted as {@link #readAll} sorts: one group per variant and
     * settings, never runs of two variants together.
     */
    public static java.util.SortedMap<String, List<RunRecord>> readOtherSettingsIn(Path experimentDir) {
        java.util.SortedMap<String, List<RunRecord>> byFolder = new java.util.TreeMap<>();
        for (Path f : files(experimentDir)) {
            Path folder = experimentDir.relativize(f).getParent();
            if (folder != null && isUnderOtherSettings(folder)) {
                List<String> parts = new ArrayList<>();
                folder.forEach(part -> {
                    if (!part.toString().equals(OTHER_SETTINGS)) {
                        parts.add(part.toString());
                    }
                });
                byFolder.computeIfAbsent(String.join("-", parts), k -> new ArrayList<>()).add(read(f));
            }
        }
        byFolder.values().forEach(RunRecords::sorted);
        return byFolder;
    }

    /** The record files below {@code dir}, sorted; temporary and hidden files are skipped. */
    static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.walk(dir)) {
            return listing.filter(f -> isRecordName(f.getFileName().toString()) && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list run records in " + dir + ": " + e.getMessage(), e);
        }
    }

    static boolean isUnderOtherSettings(Path file) {
        for (Path part : file) {
            if (part.toString().equals(OTHER_SETTINGS)) {
                return true;
            }
        }
        return false;
    }

    private static List<RunRecord> sorted(List<RunRecord> records) {
        records.sort(Comparator.comparing(RunRecord::variant).thenComparing((RunRecord r) -> r.activation().spec())
                .thenComparingLong(RunRecord::seed).thenComparing(RunRecord::fingerprint));
        return records;
    }

    private static boolean isRecordName(String name) {
        return name.endsWith(EXTENSION) && !name.startsWith(".");
    }

}

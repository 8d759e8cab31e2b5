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
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import org.activationlab.dsl.activations.Activation;

/**
 * Stores {@link RunRecord}s as one pretty-printed JSON file per run under
 * {@code <results>/<experiment>/<activation slug>-seed<seed>.json}.
 *
 * <p>The JSON uses snake_case field names in record declaration order and map keys sorted, so that the same
 * record always gives the same bytes. NaN and infinite numbers, which a diverged run produces, are written as the
 * JSON strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}: that keeps the file strict JSON and
 * keeps infinity distinct from NaN (writing null would lose the difference). Reading accepts those strings and
 * also the bare tokens {@code NaN}/{@code Infinity} that Python's {@code json} module writes.
 */
public final class RunRecords {

    private static final String EXTENSION = ".json";
    /** What may name an experiment's or a variant's folder: one path segment, no dot-dot, no separators. */
    public static final Pattern FOLDER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
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

    private RunRecords() {
    }

    /** The file of one run: {@code <resultsDir>/<experiment>/<a.slug()>-seed<seed>.json}. */
    public static Path pathFor(Path resultsDir, String experiment, Activation a, long seed) {
        return pathFor(resultsDir, experiment, "", a, seed);
    }

    /**
     * The file of one run of a variant: {@code <resultsDir>/<experiment>/<variant>/<a.slug()>-seed<seed>.json}, or
     * without the variant folder when {@code variant} is empty.
     */
    public static Path pathFor(Path resultsDir, String experiment, String variant, Activation a, long seed) {
        Path dir = experimentDir(resultsDir, experiment);
        if (!variant.isEmpty()) {
            if (!FOLDER_NAME.matcher(variant).matches()) {
                throw new IllegalArgumentException("variant must be letters, digits, '.', '_' or '-' (a folder"
                        + " name), got '" + variant + "'");
            }
            dir = dir.resolve(variant);
        }
        return dir.resolve(a.slug() + "-seed" + seed + EXTENSION);
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
     * Parses a record from JSON text.
     *
     * @param origin names the text's source in error messages, e.g. the file
     * @throws UncheckedIOException naming {@code origin} if the text is not a valid record
     */
    public static RunRecord fromJson(String json, String origin) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new UncheckedIOException(new IOException("run record " + origin
                        + " is not a JSON object; delete it and re-run that activation and seed"));
            }
            // checked before binding so that a newer file fails on its version, not on an unknown field
            JsonNode version = tree.get("schema_version");
            if (version != null && version.canConvertToInt() && version.asInt() >= 1 && version.asInt() <= 3) {
                upgrade((ObjectNode) tree, version.asInt());
                version = tree.get("schema_version");
            }
            if (version == null || !version.canConvertToInt() || version.asInt() != RunRecord.SCHEMA_VERSION) {
                throw new UncheckedIOException(new IOException("run record " + origin + " has schema_version "
                        + version + " but this build reads version " + RunRecord.SCHEMA_VERSION
                        + "; use the activation-lab version that wrote it, or re-run that activation and seed"));
            }
            return MAPPER.treeToValue(tree, RunRecord.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new UncheckedIOException("run record " + origin + " is malformed" + where + ": "
                    + e.getOriginalMessage() + "; delete it and re-run that activation and seed", e);
        }
    }

    /**
     * Brings an older record to the current schema: version 1 predates the DAWNBench measurements (none), and
     * versions 1 and 2 predate the protocol's preprocessing and device, which were the same for every run then
     * (MNIST pixels in [0, 1] without augmentation, on the CPU); versions 1 to 3 predate variants, probes,
     * decision boundaries and convergence (none).
     */
    private static void upgrade(ObjectNode record, int version) {
        if (version == 1) {
            record.putNull("dawnbench");
        }
        JsonNode protocol = record.get("protocol");
        if (version <= 2 && protocol instanceof ObjectNode p) {
            p.put("preprocessing", Protocol.PIXELS_IN_UNIT_RANGE);
            p.put("device", "CPU");
        }
        record.put("variant", "");
        record.putArray("probes");
        record.putNull("boundary");
        record.putNull("convergence");
        record.put("schema_version", RunRecord.SCHEMA_VERSION);
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
     * @throws UncheckedIOException naming the file if it is missing, unreadable or not a valid record
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
     * Reads every record of an experiment, its variant subfolders included, sorted by variant, activation spec and
     * seed. Only {@code *.json} files count, so temporary files of an interrupted write are skipped.
     *
     * @return the records, empty if the experiment's directory does not exist
     * @throws UncheckedIOException naming the first corrupt record, which should be deleted and re-run
     */
    public static List<RunRecord> readAll(Path resultsDir, String experiment) {
        Path dir = experimentDir(resultsDir, experiment);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.walk(dir, 2)) {
            files = listing.filter(f -> isRecordName(f.getFileName().toString()) && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list run records in " + dir + ": " + e.getMessage(), e);
        }
        List<RunRecord> records = new ArrayList<>();
        for (Path f : files) {
            records.add(read(f));
        }
        records.sort(Comparator.comparing(RunRecord::variant).thenComparing((RunRecord r) -> r.activation().spec())
                .thenComparingLong(RunRecord::seed));
        return records;
    }

    private static boolean isRecordName(String name) {
        return name.endsWith(EXTENSION) && !name.startsWith(".");
    }

    private static Path experimentDir(Path resultsDir, String experiment) {
        if (experiment == null || !FOLDER_NAME.matcher(experiment).matches()) {
            throw new IllegalArgumentException("experiment name must be letters, digits, '.', '_' or '-' (a single"
                    + " directory name such as mnist-mlp), got "
                    + (experiment == null ? "null" : "'" + experiment + "'"));
        }
        return resultsDir.resolve(experiment);
    }
}

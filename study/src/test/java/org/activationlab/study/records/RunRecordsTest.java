package org.activationlab.study.records;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.activationlab.dsl.activations.Activations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordsTest {

    @TempDir
    Path results;

    @Test
    void roundTripKeepsNaNInfinityAndTheConfusionMatrix() {
        RunRecord diverged = RunRecordFixtures.diverged(Activations.leakyRelu(), 3, 10, 4);
        List<EpochRecord> history = new java.util.ArrayList<>(diverged.history());
        history.add(new EpochRecord(5, Double.POSITIVE_INFINITY, 0.1, Double.NEGATIVE_INFINITY, 0.1, 1, 0.5));
        SplitMetrics nanMetrics = new SplitMetrics(14000, Double.NaN, 0.098, 0.0098, 0.1, 0.0178,
                new long[][] {{0, 3}, {0, 4}});
        RunRecord r = new RunRecord(RunRecord.SCHEMA_VERSION, "mnist-mlp", diverged.activation(), 3,
                diverged.protocol(), "diverged", 4, history, nanMetrics, nanMetrics, 5.0,
                new DawnBenchMetrics("test", 0.98, 0, Double.NaN, 5.0, 6.0, 1000, 0.02, 100, 0.4, 0.5, 0.902),
                diverged.environment(), diverged.command());

        String json = RunRecords.toJson(r);
        RunRecord back = RunRecords.fromJson(json, "test");

        assertEquals(r, back);
        assertTrue(Double.isNaN(back.test().loss()));
        assertEquals(Double.POSITIVE_INFINITY, back.history().get(4).trainLoss());
        assertArrayEquals(new long[][] {{0, 3}, {0, 4}}, back.test().confusionMatrix());
        assertEquals(0.01, back.activation().hyperparameters().get("negative_slope"));
        assertTrue(json.contains("\"loss\" : \"NaN\""), json);
        assertTrue(json.contains("\"train_loss\" : \"Infinity\""), json);
        assertEquals(json, RunRecords.toJson(back), "same record must give the same bytes");
    }

    @Test
    void jsonIsSnakeCaseInDeclarationOrderWithSortedMapKeys() {
        RunRecord r = RunRecordFixtures.finished(Activations.prelu(), 1, 2, 0.1, 0.97, 0.97, 0.97, 0.97, 0.97);
        String json = RunRecords.toJson(r);

        List<String> topLevel = json.lines().filter(l -> l.startsWith("  \""))
                .map(l -> l.substring(3, l.indexOf("\" :"))).toList();
        assertEquals(List.of("schema_version", "experiment", "activation", "seed", "protocol", "status",
                "diverged_epoch", "history", "validation", "test", "training_seconds", "dawnbench", "environment",
                "command", "variant", "probes", "boundary", "convergence"),
                topLevel);
        assertTrue(json.indexOf("\"init\"") < json.indexOf("\"per_channel\""), json);
        assertTrue(json.contains("\"confusion_matrix\""), json);
        assertTrue(json.endsWith("}\n") && !json.contains("\r"), "LF line endings and a final newline");
    }

    @Test
    void readAcceptsBareNaNTokensAsPythonWritesThem() {
        RunRecord r = RunRecordFixtures.diverged(Activations.relu(), 1, 5, 2);
        String bare = RunRecords.toJson(r).replace("\"NaN\"", "NaN");

        assertEquals(r, RunRecords.fromJson(bare, "bare"));
    }

    @Test
    void pathForUsesTheActivationSlugAndSeed() {
        Path p = RunRecords.pathFor(results, "mnist-mlp", Activations.leakyRelu(), 1);

        assertEquals(results.resolve("mnist-mlp").resolve("leaky_relu-0.01-seed1.json"), p);
        assertThrows(IllegalArgumentException.class,
                () -> RunRecords.pathFor(results, "../elsewhere", Activations.relu(), 1));
    }

    @Test
    void writeReplacesAnExistingFileAndLeavesNoTempFiles() throws IOException {
        Path file = RunRecords.pathFor(results, "mnist-mlp", Activations.relu(), 1);
        RunRecord first = RunRecordFixtures.finished(Activations.relu(), 1, 2, 0.2, 0.9, 0.9, 0.9, 0.9, 0.9);
        RunRecord second = RunRecordFixtures.finished(Activations.relu(), 1, 3, 0.1, 0.95, 0.95, 0.95, 0.95, 0.95);

        RunRecords.write(file, first);
        RunRecords.write(file, second);

        assertEquals(second, RunRecords.read(file));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file.getFileName().toString()),
                    files.map(f -> f.getFileName().toString()).toList());
        }
    }

    @Test
    void readAllSortsBySpecThenSeedAndSkipsTempFiles() throws IOException {
        for (long seed : new long[] {2, 1}) {
            for (var a : List.of(Activations.sigmoid(), Activations.relu())) {
                RunRecords.write(RunRecords.pathFor(results, "mnist-mlp", a, seed),
                        RunRecordFixtures.finished(a, seed, 1, 0.1, 0.9, 0.9, 0.9, 0.9, 0.9));
            }
        }
        Path dir = results.resolve("mnist-mlp");
        Files.writeString(dir.resolve(".relu-seed3.json.5f3a.tmp"), "{ half a rec");
        Files.writeString(dir.resolve("relu-seed4.json.tmp"), "{ half a rec");

        List<RunRecord> all = RunRecords.readAll(results, "mnist-mlp");

        assertEquals(List.of("relu/1", "relu/2", "sigmoid/1", "sigmoid/2"),
                all.stream().map(r -> r.activation().spec() + "/" + r.seed()).toList());
        assertEquals(List.of(), RunRecords.readAll(results, "no-such-experiment"));
    }

    @Test
    void readAllFailsNamingACorruptRecordAndSuggestingToDeleteIt() throws IOException {
        RunRecords.write(RunRecords.pathFor(results, "mnist-mlp", Activations.relu(), 1),
                RunRecordFixtures.finished(Activations.relu(), 1, 1, 0.1, 0.9, 0.9, 0.9, 0.9, 0.9));
        Path corrupt = results.resolve("mnist-mlp").resolve("sigmoid-seed1.json");
        Files.writeString(corrupt, "{\"schema_version\": 1, \"experiment\": ");

        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> RunRecords.readAll(results, "mnist-mlp"));

        assertTrue(e.getMessage().contains(corrupt.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("delete it"), e.getMessage());
    }

    @Test
    void readRejectsANewerSchemaAndAnInvalidStatusNamingTheFile() throws IOException {
        RunRecord r = RunRecordFixtures.finished(Activations.relu(), 1, 1, 0.1, 0.9, 0.9, 0.9, 0.9, 0.9);
        Path newer = results.resolve("newer.json");
        Files.writeString(newer, RunRecords.toJson(r).replace("\"schema_version\" : 4", "\"schema_version\" : 5")
                .replace("\"command\"", "\"future_field\" : 1,\n  \"command\""));
        Path badStatus = results.resolve("bad.json");
        Files.writeString(badStatus, RunRecords.toJson(r).replace("\"finished\"", "\"done\""));

        UncheckedIOException e1 = assertThrows(UncheckedIOException.class, () -> RunRecords.read(newer));
        UncheckedIOException e2 = assertThrows(UncheckedIOException.class, () -> RunRecords.read(badStatus));

        assertTrue(e1.getMessage().contains(newer.toString()) && e1.getMessage().contains("schema_version 5"),
                e1.getMessage());
        assertTrue(e2.getMessage().contains(badStatus.toString()) && e2.getMessage().contains("\"done\""),
                e2.getMessage());
    }

    @Test
    void readsAVersionOneRecordWithoutDawnBenchMetricsPreprocessingOrDevice() throws IOException {
        RunRecord r = RunRecordFixtures.finished(Activations.relu(), 1, 1, 0.1, 0.9, 0.9, 0.9, 0.9, 0.9);
        String v1 = RunRecords.toJson(r).replace("\"schema_version\" : 4", "\"schema_version\" : 1")
                .replaceAll(",\\n  \"variant\" : \"\",\\n  \"probes\" : \\[ \\],\\n  \"boundary\" : null,\\n  \"convergence\" : null", "")
                .replace("  \"dawnbench\" : null,\n", "")
                .replaceAll(",\\n    \"preprocessing\" : \"[^\"]*\"", "").replaceAll(",\\n    \"device\" : \"CPU\"", "");
        assertFalse(v1.contains("preprocessing") || v1.contains("\"device\""), v1);
        assertFalse(v1.contains("dawnbench"), v1);
        assertFalse(v1.contains("variant") || v1.contains("probes") || v1.contains("boundary") || v1.contains("convergence"), v1);

        RunRecord back = RunRecords.fromJson(v1, "v1.json");

        assertEquals(r, back);
        assertEquals(RunRecord.SCHEMA_VERSION, back.schemaVersion());
    }

    @Test
    void activationInfoDescribesTheActivation() {
        ActivationInfo info = ActivationInfo.of(Activations.leakyRelu());

        assertEquals(new ActivationInfo("leaky_relu", "leaky_relu:negative_slope=0.01",
                "LeakyReLU(negative_slope=0.01)", java.util.Map.of("negative_slope", 0.01)), info);
    }
}

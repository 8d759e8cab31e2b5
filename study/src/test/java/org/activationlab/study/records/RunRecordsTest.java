package org.activationlab.study.records;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.activationlab.dsl.activations.Activations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordsTest {

    @TempDir
    Path results;

    private Path fileOf(String experiment, String variant, org.activationlab.dsl.activations.Activation a, long seed) {
        return RunRecords.folderOf(results, experiment, variant).resolve(RunRecords.fileName(a.slug(), seed));
    }

    @Test
    void roundTripKeepsNaNInfinityTheConfusionMatrixAndSections() {
        RunRecord diverged = RunRecordFixtures.diverged(Activations.leakyRelu(), 3, 10, 4);
        List<EpochRecord> history = new java.util.ArrayList<>(diverged.history());
        history.add(new EpochRecord(5, Double.POSITIVE_INFINITY, 0.1, Double.NEGATIVE_INFINITY, 0.1, 1, 0.5));
        SplitMetrics nanMetrics = new SplitMetrics(7, Double.NaN, 0.098, 0.0098, 0.1, 0.0178,
                new long[][] {{0, 3}, {0, 4}});
        RunRecord r = RunRecord.builder("mnist-mlp", diverged.activation(), 3).protocol(diverged.protocol())
                .divergedAt(4).history(history).validation(nanMetrics).test(nanMetrics).trainingSeconds(5.0)
                .section(DawnBenchMetrics.SECTION,
                        new DawnBenchMetrics("test", 0.98, 0, Double.NaN, 5.0, 6.0, 1000, 0.02, 100, 0.4, 0.5, 0.902))
                .environment(diverged.environment()).command(diverged.command()).build();

        String json = RunRecords.toJson(r);
        RunRecord back = RunRecords.fromJson(json, "test");

        assertEquals(r, back);
        assertTrue(Double.isNaN(back.test().loss()));
        assertEquals(Double.POSITIVE_INFINITY, back.history().get(4).trainLoss());
        assertArrayEquals(new long[][] {{0, 3}, {0, 4}}, back.test().confusionMatrix());
        assertEquals(0.902, back.dawnbench().errorRate());
        assertEquals(0.01, back.activation().hyperparameters().get("negative_slope"));
        assertTrue(json.contains("\"loss\" : \"NaN\""), json);
        assertTrue(json.contains("\"train_loss\" : [ 0.521, 0.511, 0.501, \"NaN\", \"Infinity\" ]"), json);
        assertEquals(json, RunRecords.toJson(back), "same record must give the same bytes");
    }

    @Test
    void jsonHasTheCoreFieldsInDeclarationOrderAndTheHistoryAsColumns() {
        RunRecord r = RunRecordFixtures.finished(Activations.prelu(), 1, 2, 0.1, 0.97, 0.97, 0.97, 0.97, 0.97);
        String json = RunRecords.toJson(r);

        List<String> topLevel = json.lines().filter(l -> l.startsWith("  \""))
                .map(l -> l.substring(3, l.indexOf("\" :"))).toList();
        assertEquals(List.of("schema_version", "experiment", "variant", "activation", "seed", "protocol",
                "fingerprint", "status", "diverged_epoch", "history", "validation", "test", "training_seconds",
                "environment", "command", "sections"), topLevel);
        assertTrue(json.contains("\"epochs\" : 2,\n    \"train_loss\" : [ 0.111, 0.101 ]"), json);
        assertTrue(json.endsWith("}\n") && !json.contains("\r"), "LF line endings and a final newline");
    }

    @Test
    void theFingerprintFollowsEverySettingButNotTheActivationOrSeed() {
        RunRecord a = RunRecordFixtures.finished(Activations.relu(), 1, 2, 0.1, 0.9, 0.9, 0.9, 0.9, 0.9);
        RunRecord b = RunRecordFixtures.finished(Activations.relu(), 2, 2, 0.2, 0.8, 0.8, 0.8, 0.8, 0.8);
        RunRecord longer = RunRecordFixtures.finished(Activations.relu(), 1, 3, 0.1, 0.9, 0.9, 0.9, 0.9, 0.9);
        Protocol p = a.protocol();

        assertEquals(a.fingerprint(), b.fingerprint());
        assertNotEquals(a.fingerprint(), longer.fingerprint());
        ActivationInfo relu = a.activation();
        assertNotEquals(Fingerprints.of("mnist-mlp", "", p, relu), Fingerprints.of("mnist-mlp", "",
                p.withSetting("threshold", "0.98"), relu));
        assertNotEquals(Fingerprints.of("mnist-mlp", "", p, relu), Fingerprints.of("mnist-mlp", "lr-1", p, relu));
        RunRecord sigmoid = RunRecordFixtures.finished(Activations.sigmoid(), 1, 2, 0.1, 0.9, 0.9, 0.9, 0.9, 0.9);
        assertEquals(a.fingerprint(), sigmoid.fingerprint(), "one grid, one fingerprint, whatever the activation");
        assertEquals(16, a.fingerprint().length());
    }

    @Test
    void readAcceptsBareNaNTokensAsPythonWritesThem() {
        RunRecord r = RunRecordFixtures.diverged(Activations.relu(), 1, 5, 2);
        String bare = RunRecords.toJson(r).replace("\"NaN\"", "NaN");

        assertEquals(r, RunRecords.fromJson(bare, "bare"));
    }

    @Test
    void foldersAreSingleSafeNames() {
        assertEquals(results.resolve("mnist-mlp").resolve("lr-0.5"), RunRecords.folderOf(results, "mnist-mlp",
                "lr-0.5"));
        assertEquals("leaky_relu-0.01-seed1.json", RunRecords.fileName(Activations.leakyRelu().slug(), 1));
        assertThrows(IllegalArgumentException.class, () -> RunRecords.folderOf(results, "../elsewhere", ""));
        assertThrows(IllegalArgumentException.class, () -> RunRecords.folderOf(results, "mnist-mlp", "../x"));
        assertThrows(IllegalArgumentException.class, () -> RunRecords.folderOf(results, "x".repeat(81), ""));
    }

    @Test
    void writeReplacesAnExistingFileAndLeavesNoTempFiles() throws IOException {
        Path file = fileOf("mnist-mlp", "", Activations.relu(), 1);
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
    void readAllSortsBySpecThenSeedAndSkipsTempFilesAndOtherSettings() throws IOException {
        for (long seed : new long[] {2, 1}) {
            for (var a : List.of(Activations.sigmoid(), Activations.relu())) {
                RunRecords.write(fileOf("mnist-mlp", "", a, seed),
                        RunRecordFixtures.finished(a, seed, 1, 0.1, 0.9, 0.9, 0.9, 0.9, 0.9));
            }
        }
        Path dir = results.resolve("mnist-mlp");
        Files.writeString(dir.resolve(".relu-seed3.json.5f3a.tmp"), "{ half a rec");
        Files.writeString(dir.resolve("relu-seed4.json.tmp"), "{ half a rec");
        RunRecords.write(dir.resolve("other-settings/epochs-2/relu-seed1.json"),
                RunRecordFixtures.finished(Activations.relu(), 1, 2, 0.1, 0.9, 0.9, 0.9, 0.9, 0.9));
        RunRecords.write(dir.resolve("lr-0.5/other-settings/epochs-2/relu-seed1.json"),
                RunRecordFixtures.finished(Activations.relu(), 1, 2, 0.1, 0.9, 0.9, 0.9, 0.9, 0.8));

        List<RunRecord> all = RunRecords.readAll(results, "mnist-mlp");

        assertEquals(List.of("relu/1", "relu/2", "sigmoid/1", "sigmoid/2"),
                all.stream().map(r -> r.activation().spec() + "/" + r.seed()).toList());
        assertEquals(List.of("epochs-2", "lr-0.5-epochs-2"), List.copyOf(RunRecords.readOtherSettingsIn(dir).keySet()),
                "a variant's other settings are a group of their own, never merged with another variant's");
        assertEquals(List.of(), RunRecords.readAll(results, "no-such-experiment"));
    }

    @Test
    void aFolderOfMixedSettingsIsRefusedNamingTheFix() {
        RunRecords.write(fileOf("mnist-mlp", "", Activations.relu(), 1),
                RunRecordFixtures.finished(Activations.relu(), 1, 1, 0.1, 0.9, 0.9, 0.9, 0.9, 0.9));
        RunRecords.write(fileOf("mnist-mlp", "", Activations.relu(), 2),
                RunRecordFixtures.finished(Activations.relu(), 2, 3, 0.1, 0.9, 0.9, 0.9, 0.9, 0.9));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunRecords.readAll(results, "mnist-mlp"));

        assertTrue(e.getMessage().contains("2 different settings") && e.getMessage().contains("records --tidy"),
                e.getMessage());
    }

    @Test
    void readFailsNamingACorruptRecordAndSuggestingToDeleteIt() throws IOException {
        RunRecords.write(fileOf("mnist-mlp", "", Activations.relu(), 1),
                RunRecordFixtures.finished(Activations.relu(), 1, 1, 0.1, 0.9, 0.9, 0.9, 0.9, 0.9));
        Path corrupt = results.resolve("mnist-mlp").resolve("sigmoid-seed1.json");
        Files.writeString(corrupt, "{\"schema_version\": 1, \"experiment\": ");

        InvalidRecordException e = assertThrows(InvalidRecordException.class,
                () -> RunRecords.readAll(results, "mnist-mlp"));

        assertTrue(e.getMessage().contains(corrupt.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("delete the file"), e.getMessage());
    }

    /** Each hand-edited field, the message part that must name it. */
    @Test
    void readValidatesRangesCountsAndEpochsNamingFileAndField() throws IOException {
        RunRecord r = RunRecordFixtures.finished(Activations.relu(), 1, 2, 0.1, 0.9, 0.9, 0.9, 0.9, 0.75);
        String json = RunRecords.toJson(r);
        String[][] cases = {
            {"\"accuracy\" : 0.75", "\"accuracy\" : 7.5", "test.accuracy is 7.5 but must be a fraction in [0, 1]"},
            {"\"examples\" : 14000", "\"examples\" : 14001", "test.confusion_matrix counts add up to 14000 but"
                    + " test.examples is 14001"},
            {"\"batch_size\" : 32,\n    \"epochs\" : 2", "\"batch_size\" : 32,\n    \"epochs\" : 1",
                "history has 2 epochs but protocol.epochs is 1"},
            {"\"status\" : \"finished\"", "\"status\" : \"done\"", "status must be"},
            {"\"batch_size\" : 32", "\"batch_size\" : 64", "the protocol was edited after the run"},
            {"\"val_accuracy\" : [ 0.899, 0.9 ]", "\"val_accuracy\" : [ 0.899 ]", "history.val_accuracy must be an"
                    + " array of 2 numbers"},
        };
        for (String[] c : cases) {
            assertTrue(json.contains(c[0]), c[0]);
            Path file = results.resolve("bad.json");
            Files.writeString(file, json.replace(c[0], c[1]));
            InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> RunRecords.read(file));
            assertTrue(e.getMessage().startsWith("run record " + file + ": ") && e.getMessage().contains(c[2])
                    && !e.getMessage().contains("\n"), e.getMessage());
        }
    }

    /** A record as schema {@code version} wrote it: the current JSON with that version and {@code older} applied. */
    private RunRecord readAsSchema(RunRecord r, int version, UnaryOperator<String> older) throws IOException {
        String current = RunRecords.toJson(r);
        assertTrue(current.contains("\"intra_op_threads\" : 0") && current.contains("\"intra_op_pool_per_session\""
                + " : true"), current);
        Path file = results.resolve("schema-" + version + ".json");
        Files.writeString(file, older.apply(current.replace("\"schema_version\" : " + RunRecord.SCHEMA_VERSION,
                "\"schema_version\" : " + version)));
        return RunRecords.read(file);
    }

    @Test
    void aSchemaFiveRecordReadsWithItsFingerprintAndThreadsNotRecorded() throws IOException {
        RunRecord r = RunRecordFixtures.finished(Activations.relu(), 1, 1, 0.1, 0.9, 0.9, 0.9, 0.9, 0.9);
        RunRecord read = readAsSchema(r, 5, json -> json.replaceAll(",\\s*\"intra_op_threads\" : 0", "")
                .replaceAll(",\\s*\"intra_op_pool_per_session\" : true", ""));

        assertEquals(null, read.environment().intraOpThreads());
        assertEquals(null, read.environment().intraOpPoolPerSession());
        assertEquals(r.fingerprint(), read.fingerprint());
        assertEquals(r.test(), read.test());
    }

    @Test
    void aSchemaSixRecordKeepsItsThreadsAndReadsWithThePoolNotRecorded() throws IOException {
        RunRecord r = RunRecordFixtures.finished(Activations.relu(), 1, 1, 0.1, 0.9, 0.9, 0.9, 0.9, 0.9);
        RunRecord read = readAsSchema(r, 6, json -> json.replace("\"intra_op_threads\" : 0", "\"intra_op_threads\" : 1")
                .replaceAll(",\\s*\"intra_op_pool_per_session\" : true", ""));

        assertEquals(1, read.environment().intraOpThreads());
        assertEquals(null, read.environment().intraOpPoolPerSession());
        assertEquals(r.fingerprint(), read.fingerprint());
    }

    @Test
    void readRejectsANewerSchemaNamingTheFile() throws IOException {
        RunRecord r = RunRecordFixtures.finished(Activations.relu(), 1, 1, 0.1, 0.9, 0.9, 0.9, 0.9, 0.9);
        Path newer = results.resolve("newer.json");
        int next = RunRecord.SCHEMA_VERSION + 1;
        Files.writeString(newer, RunRecords.toJson(r).replace("\"schema_version\" : " + RunRecord.SCHEMA_VERSION,
                "\"schema_version\" : " + next));

        InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> RunRecords.read(newer));

        assertTrue(e.getMessage().contains(newer.toString()) && e.getMessage().contains("schema_version " + next),
                e.getMessage());
    }

    @Test
    void aSchemaThreeRecordIsUpgradedWithoutMachinePaths() throws IOException {
        String v3;
        try (InputStream in = getClass().getResourceAsStream("/records/schema4-mnist-cnn.json")) {
            v3 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(v3.contains("\"schema_version\" : 3") && v3.contains("/root/.cache"), "fixture");

        RunRecord r = RunRecords.fromJson(v3, "old.json");
        String json = RunRecords.toJson(r);

        assertEquals("MNIST (canonical IDX, sha256-verified)", r.protocol().dataSource());
        assertEquals("0.98", r.protocol().setting("threshold"));
        assertEquals(6, r.dawnbench().thresholdEpoch());
        assertEquals("", r.variant());
        assertEquals(10, r.history().size());
        assertFalse(json.contains("/root/") || json.contains("file:"), json);
        assertEquals(r, RunRecords.fromJson(json, "new.json"));
        assertTrue(json.length() < v3.length(), "columns are smaller than one object per epoch");
    }

    @Test
    void legacyDataSourcesLoseTheirMirrorAndCacheFolders() {
        assertEquals("CIFAR-10 JPEG copy cifar10-jpeg.tar.gz (sha256-verified efac): the JPEG re-encoding;"
                + " normalised", LegacyRecords.withoutMachinePaths("CIFAR-10 JPEG copy cifar10-jpeg.tar.gz"
                + " (sha256-verified efac) from mirror file:///work/shared/data/, extracted into"
                + " /root/.cache/activation-lab/cifar10-jpeg/cifar10-jpeg-efac: the JPEG re-encoding; normalised"));
        assertEquals("MNIST (canonical IDX, sha256-verified)", LegacyRecords.withoutMachinePaths("MNIST (canonical"
                + " IDX, sha256-verified) from canonical URL https://storage.example/mnist/, cached in /home/u/.c/x"));
        assertEquals("CIFAR-10 JPEG copy", LegacyRecords.withoutMachinePaths("CIFAR-10 JPEG copy from the cache"
                + " (no mirror configured)"));
    }

    @Test
    void activationInfoDescribesTheActivation() {
        ActivationInfo info = ActivationInfo.of(Activations.leakyRelu());

        assertEquals(new ActivationInfo("leaky_relu", "leaky_relu:negative_slope=0.01",
                "LeakyReLU(negative_slope=0.01)", java.util.Map.of("negative_slope", 0.01)), info);
    }

    @Test
    void anUnreadableFileIsNamed() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> RunRecords.read(results.resolve("missing.json")));
        assertTrue(e.getMessage().contains("missing.json"), e.getMessage());
    }
}

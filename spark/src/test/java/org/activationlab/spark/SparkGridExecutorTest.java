package org.activationlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.study.Execution;
import org.activationlab.study.Experiment;
import org.activationlab.study.Experiments;
import org.activationlab.study.GridCell;
import org.activationlab.study.SettingsRequest;
import org.activationlab.study.StudyGrid;
import org.activationlab.study.StudyPlan;
import org.activationlab.study.StudyResult;
import org.activationlab.study.StudyRunner;
import org.activationlab.study.StudySettings;
import org.activationlab.study.TimingsMasked;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecords;
import org.activationlab.tf.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny grid on Spark in local mode gives the in-process executor's records; re-executed tasks write no twins. */
class SparkGridExecutorTest {

    private static final Experiment<?> BLOBS = Experiments.registered().get("spark-blobs");

    @Test
    void sparkLocalModeWritesTheRecordsOfTheInProcessExecutor(@TempDir Path tmp) throws IOException {
        StudyResult local = run(tmp.resolve("in-process"), Execution.inProcess(1), line -> { });
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        StudyResult spark = run(tmp.resolve("spark"), new Execution(SparkGridExecutor.NAME, 0,
                Map.of(SparkGridExecutor.MASTER, "local[2]")), log::add);

        assertEquals(4, local.trained());
        assertEquals(4, spark.trained());
        assertEquals(List.of(), spark.failures());
        List<RunRecord> a = RunRecords.readAllIn(tmp.resolve("in-process"));
        List<RunRecord> b = RunRecords.readAllIn(tmp.resolve("spark"));
        assertEquals(4, b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(TimingsMasked.of(a.get(i)), TimingsMasked.of(b.get(i)), a.get(i).activation().spec()
                    + " seed " + a.get(i).seed());
        }
        assertTrue(log.stream().anyMatch(l -> l.startsWith("activation-lab: 4 runs as Spark tasks on local[2], each"
                + " TensorFlow session with 1 thread (--deterministic)")), String.join("\n", log));

        StudyResult again = run(tmp.resolve("spark"), new Execution(SparkGridExecutor.NAME, 0,
                Map.of(SparkGridExecutor.MASTER, "local[2]")), line -> { });
        assertEquals(0, again.trained(), "finished runs are skipped");
        assertEquals(4, again.kept());
    }

    @Test
    void aTaskExecutedAgainReturnsTheRecordItWroteWithoutTraining(@TempDir Path tmp) throws IOException {
        run(tmp, Execution.inProcess(1), line -> { });
        RunRecord done = RunRecords.readAllIn(tmp).get(0);
        Path file = tmp.resolve(RunRecords.fileName(Activations.parse(done.activation().spec()).slug(), done.seed()));
        FileTime before = Files.getLastModifiedTime(file);
        GridCell cell = new GridCell(0, 1, 1, "", done.activation().spec(), done.seed(), file.toString(),
                done.fingerprint());
        TaskSpec spec = new TaskSpec("no-such-experiment", settings(), "test", tmp.toString(), null, 1);

        CellOutcome outcome = new TrainCell(spec).call(cell);

        assertEquals(RunRecords.toJson(done), outcome.recordJson());
        assertEquals(before, Files.getLastModifiedTime(file), "the record is not written again");
        try (var files = Files.list(tmp)) {
            assertEquals(4, files.filter(f -> f.toString().endsWith(".json")).count(), "no duplicate");
        }
    }

    @Test
    void sparkNeedsAMaster(@TempDir Path tmp) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(tmp,
                new Execution(SparkGridExecutor.NAME, 0, Map.of()), line -> { }));
        assertTrue(e.getMessage().startsWith("--executor spark needs a master: --master local[2]"), e.getMessage());
    }

    @Test
    void theExecutorIsFoundByName() {
        assertSame(SparkGridExecutor.class, org.activationlab.study.GridExecutors.named("spark").getClass());
    }

    private static StudySettings settings() {
        return BLOBS.configure(new SettingsRequest(null, null, null, null, true, Device.CPU, Map.of()));
    }

    private static StudyResult run(Path dir, Execution execution, java.util.function.Consumer<String> log)
            throws IOException {
        StudyPlan plan = new StudyPlan(settings(), BLOBS.defaultActivations(), StudyGrid.firstSeeds(2), null, false,
                "test", false, log, null, null, execution);
        return StudyRunner.run(BLOBS, plan, DatasetResolver.create(dir.resolve("cache"), null), dir);
    }
}

package org.activationlab.study;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.activationlab.data.TrainTest;
import org.activationlab.data.playground.PlaygroundData;
import org.activationlab.data.playground.PlaygroundShape;
import org.activationlab.dsl.Sequential;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecords;
import org.activationlab.tf.optimizers.Sgd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the study runner does when runs fail, diverge or cannot be stored. */
class StudyRunnerTest {

    @TempDir
    Path tmp;

    private static final TrainTest XOR = PlaygroundData.split(PlaygroundData.generate(PlaygroundShape.XOR, 100, 0, 3),
            0.5, 3);

    private static Study.Builder tiny(String name) {
        return Study.builder(name).model(act -> Sequential.of(input(2), dense(4).activation(act), dense(2).softmax()))
                .data(XOR.train(), null, XOR.test()).optimizer(Sgd.of(0.1)).epochs(2).batchSize(10).progress(false);
    }

    @Test
    void aRecordThatCannotBeWrittenIsKeptInTheTemporaryFolderAndTheMessageSaysWhere() throws IOException {
        Path dir = tmp.resolve("results/blocked");
        // a folder where the record's file should go: the atomic rename onto it fails
        Files.createDirectories(dir.resolve("relu-seed1.json").resolve("occupied"));
        Study study = tiny("blocked").activations("relu").build();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> study.run(dir));

        Matcher kept = Pattern.compile("the finished run is kept in (\\S+\\.json): copy it to").matcher(e.getMessage());
        assertTrue(kept.find(), e.getMessage());
        assertTrue(e.getMessage().startsWith("cannot write the record " + dir.resolve("relu-seed1.json")),
                e.getMessage());
        RunRecord recovered = RunRecords.read(Path.of(kept.group(1)));
        assertEquals("blocked", recovered.experiment());
        assertEquals(2, recovered.history().size());
        Files.delete(Path.of(kept.group(1)));
    }

    @Test
    void aFailingRunIsReportedAndTheOthersStillRun() {
        Study study = Study.builder("failing").model(act -> {
            if (act.name().equals("tanh")) {
                throw new IllegalStateException("this model cannot be built");
            }
            return Sequential.of(input(2), dense(4).activation(act), dense(2).softmax());
        }).data(XOR.train(), null, XOR.test()).optimizer(Sgd.of(0.1)).epochs(1).batchSize(10).progress(false)
                .activations("relu", "tanh", "sigmoid").build();

        StudyResult result = study.run(tmp.resolve("results/failing"));

        assertEquals(2, result.trained());
        assertEquals(1, result.failures().size());
        assertTrue(result.failures().get(0).startsWith("tanh seed 1 failed: ")
                && result.failures().get(0).contains("this model cannot be built"), result.failures().get(0));
        assertEquals(List.of("relu", "sigmoid"), result.records().stream().map(r -> r.activation().spec()).toList());
    }

    @Test
    void aDivergingRunIsRecordedAndTheStudyGoesOn() {
        Study study = tiny("diverging").optimizer(Sgd.of(1e30)).epochs(3).activations("relu", "tanh").seeds(2)
                .build();

        StudyResult result = study.run(tmp.resolve("results/diverging"));

        assertEquals(4, result.trained());
        assertTrue(result.records().stream().anyMatch(RunRecord::diverged), "lr 1e30 diverges");
        assertTrue(result.records().stream().filter(RunRecord::diverged)
                .allMatch(r -> r.divergedEpoch() >= 1 && r.history().size() == r.divergedEpoch()));
        assertEquals(4, RunRecords.readAllIn(tmp.resolve("results/diverging")).size());
    }

    @Test
    void theStudyNameMustNameAFolder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Study.builder("../up"));
        assertTrue(e.getMessage().contains("study name must be letters, digits"), e.getMessage());
        IllegalArgumentException baseline = assertThrows(IllegalArgumentException.class,
                () -> tiny("b").activations("relu").baseline("tanh").build());
        assertTrue(baseline.getMessage().contains("baseline tanh is not among the study's activations"),
                baseline.getMessage());
    }
}

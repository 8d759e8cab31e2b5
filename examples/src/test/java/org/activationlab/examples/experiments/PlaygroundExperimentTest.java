package org.activationlab.examples.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.activationlab.data.playground.PlaygroundShape;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.examples.cli.Main;
import org.activationlab.study.records.EpochRecord;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecords;
import org.activationlab.study.SettingsRequest;
import org.activationlab.tf.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlaygroundExperimentTest {

    @TempDir
    Path dir;

    @Test
    void aStudyStopsEachRunAtConvergenceAndReportsIt() throws Exception {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        Path results = dir.resolve("results");
        Path docs = dir.resolve("docs");

        int code = cli.execute("experiment", "playground", "--datasets", "gaussian", "--activations",
                "tanh,sigmoid", "--seeds", "2", "--epochs", "200", "--loss-threshold", "0.15", "--no-progress",
                "--out", results.toString(), "--docs", docs.toString());

        assertEquals(0, code, out.toString());
        List<RunRecord> records = RunRecords.readAll(results, "playground");
        assertEquals(4, records.size());
        for (RunRecord r : records) {
            assertEquals("gaussian", r.variant());
            assertTrue(Files.exists(results.resolve("playground").resolve("gaussian").resolve(
                    Activations.parse(r.activation().spec()).slug() + "-seed" + r.seed() + ".json")));
            // the two Gaussians are separable: every run converges, and stops at that epoch
            assertTrue(r.convergence().converged(), r.activation().spec() + " seed " + r.seed());
            assertEquals(r.history().size(), r.convergence().epoch());
            EpochRecord last = r.history().get(r.history().size() - 1);
            assertTrue(last.valLoss() <= 0.15);
            assertTrue(r.history().stream().limit(r.history().size() - 1).allMatch(e -> e.valLoss() > 0.15));
            assertEquals(PlaygroundExperiment.GRID, r.boundary().size());
        }
        String page = Files.readString(docs.resolve("playground.md"));
        assertTrue(page.contains("| gaussian | Tanh | 2 | 2 of 2 |"), page);
        assertTrue(Files.size(docs.resolve("img/playground/decision-boundaries.png")) > 0);
    }

    @Test
    void settingsRoundTripThroughTheirVariantNames() {
        for (PlaygroundExperiment.Setting setting : List.of(
                new PlaygroundExperiment.Setting(PlaygroundShape.CIRCLE, 0, false),
                new PlaygroundExperiment.Setting(PlaygroundShape.XOR, 0.25, false),
                new PlaygroundExperiment.Setting(PlaygroundShape.SPIRAL, 0.1, true))) {
            assertEquals(setting, PlaygroundExperiment.Setting.ofVariant(setting.variant()));
        }
        assertEquals("xor-noise0.25", new PlaygroundExperiment.Setting(PlaygroundShape.XOR, 0.25, false).variant());
        assertEquals("spiral-playground-init",
                new PlaygroundExperiment.Setting(PlaygroundShape.SPIRAL, 0, true).variant());
    }

    @Test
    void playgroundInitialisationStartsFromThePlaygroundsWeights(@TempDir Path dir) throws IOException {
        RunRecord r = new OneRun().run(new PlaygroundExperiment(), new SettingsRequest(1, null, null, null, true,
                Device.CPU, Map.of("datasets", "gaussian", "init", "playground")), Activations.relu(), 3, dir);
        assertEquals("gaussian-playground-init", r.variant());
        assertEquals(PlaygroundExperiment.PLAYGROUND_INIT, r.protocol().initializer());
        assertEquals(1, r.history().size());
    }
}

package org.activationlab.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.activationlab.examples.experiments.Cifar10Vgg11Experiment;
import org.activationlab.examples.experiments.MnistCnnExperiment;
import org.activationlab.examples.experiments.DyingReluExperiment;
import org.activationlab.examples.experiments.MnistMlpExperiment;
import org.activationlab.examples.experiments.PlaygroundExperiment;
import org.activationlab.examples.experiments.VanishingGradientsExperiment;
import org.activationlab.examples.report.DyingReluReport;
import org.activationlab.examples.report.PlaygroundReport;
import org.activationlab.examples.report.VanishingGradientsReport;
import org.activationlab.study.records.AtomicFiles;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecords;
import org.activationlab.examples.report.CnnPaper;
import org.activationlab.examples.report.DawnBenchReport;
import org.activationlab.examples.report.MnistMlpReport;
import org.activationlab.study.report.ResultsIndex;
import org.activationlab.study.plots.ActivationsPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Regenerates the result pages from the stored run records only. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Regenerate docs/results/*.md from the run records in results/ (no training).")
public final class ReportCommand implements Callable<Integer> {

    /** The experiments a report covers, in the order the index lists them. */
    static final List<String> EXPERIMENTS = List.of(MnistMlpExperiment.NAME, MnistCnnExperiment.NAME,
            Cifar10Vgg11Experiment.NAME, VanishingGradientsExperiment.NAME, DyingReluExperiment.NAME,
            PlaygroundExperiment.NAME);

    @Spec
    CommandSpec spec;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
            description = "Run records folder (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--docs", paramLabel = "DIR", defaultValue = "docs/results",
            description = "Generated docs folder (default: ${DEFAULT-VALUE}).")
    Path docs;

    @Override
    public Integer call() throws IOException {
        int generated = 0;
        for (String experiment : EXPERIMENTS) {
            if (!RunRecords.readAll(results, experiment).isEmpty()) {
                spec.commandLine().getOut().println("regenerated " + generate(results, docs, experiment));
                generated++;
            }
        }
        if (generated == 0) {
            throw new IllegalArgumentException("no run records in " + results + "; run `bin/activation-lab"
                    + " reproduce mnist-mlp` (or mnist-cnn) first, or pass --results DIR");
        }
        return 0;
    }

    /**
     * Renders one experiment's page and figures from its records, the activations page and the index, writing
     * each file atomically; returns the experiment page's path.
     */
    static Path generate(Path results, Path docs, String experiment) throws IOException {
        List<RunRecord> records = RunRecords.readAll(results, experiment);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no records for " + experiment + " in " + results);
        }
        Path page = docs.resolve(experiment + ".md");
        String command = records.get(0).command();
        String text = switch (experiment) {
            case MnistCnnExperiment.NAME -> DawnBenchReport.render(records, command, CnnPaper.MNIST_TABLE_3, docs);
            case Cifar10Vgg11Experiment.NAME -> DawnBenchReport.render(records, command, CnnPaper.CIFAR10_TABLE_4,
                    docs);
            case VanishingGradientsExperiment.NAME -> VanishingGradientsReport.render(records, docs);
            case DyingReluExperiment.NAME -> DyingReluReport.render(records, docs);
            case PlaygroundExperiment.NAME -> PlaygroundReport.render(records, docs);
            default -> MnistMlpReport.render(records, command, docs);
        };
        AtomicFiles.writeString(page, text);
        AtomicFiles.writeString(docs.resolve("activations.md"),
                ActivationsPage.render(docs.resolve("img").resolve("activations"), "img/activations"));
        Map<String, List<RunRecord>> all = new LinkedHashMap<>();
        for (String e : EXPERIMENTS) {
            List<RunRecord> r = RunRecords.readAll(results, e);
            if (!r.isEmpty()) {
                all.put(e, r);
            }
        }
        AtomicFiles.writeString(docs.resolve("README.md"), ResultsIndex.render(all));
        return page;
    }
}

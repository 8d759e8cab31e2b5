package org.activationlab.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.activationlab.examples.experiments.MnistMlpExperiment;
import org.activationlab.examples.records.RunRecord;
import org.activationlab.examples.records.RunRecords;
import org.activationlab.examples.report.MnistMlpReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Regenerates the result pages from the stored run records only. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Regenerate docs/results/*.md from the run records in results/ (no training).")
public final class ReportCommand implements Callable<Integer> {

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
        if (!Files.isDirectory(results.resolve(MnistMlpExperiment.NAME))) {
            throw new IllegalArgumentException("no records in " + results.resolve(MnistMlpExperiment.NAME)
                    + "; run `bin/activation-lab reproduce mnist-mlp` first or pass --results DIR");
        }
        spec.commandLine().getOut().println("regenerated " + generate(results, docs, MnistMlpExperiment.NAME));
        return 0;
    }

    /** Renders one experiment's page from its records and writes it atomically; returns the page's path. */
    static Path generate(Path results, Path docs, String experiment) throws IOException {
        List<RunRecord> records = RunRecords.readAll(results, experiment);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no records for " + experiment + " in " + results);
        }
        Path page = docs.resolve(experiment + ".md");
        MnistMlpReport.writeAtomically(page, MnistMlpReport.render(records, records.get(0).command()));
        return page;
    }
}

package org.activationlab.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.activationlab.study.Experiment;
import org.activationlab.study.Experiments;
import org.activationlab.study.OutputFolders;
import org.activationlab.study.Pages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Regenerates the result pages from the stored run records only. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Regenerate the result pages from the run records in --out (default results/, whose pages are"
                + " docs/results/*.md), without training, for every registered experiment with records.")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"--out", "--results"}, paramLabel = "DIR", defaultValue = "results",
            description = "Run records folder (default: ${DEFAULT-VALUE}; --results is the older spelling).")
    Path results;

    @Option(names = "--docs", paramLabel = "DIR",
            description = "Generated docs folder (default: docs/results for the records in results/, else"
                    + " <out>/docs, so that other records never replace the committed pages).")
    Path docs;

    @Override
    public Integer call() {
        Path pages = OutputFolders.pagesFor(results, docs);
        OutputFolders.requireWritable(pages, "--docs");
        Experiments registry = Experiments.registered();
        int generated = 0;
        for (Experiment<?> e : registry.all()) {
            for (Path page : Pages.write(e, results.resolve(e.name()), pages)) {
                spec.commandLine().getOut().println("regenerated " + page);
                generated++;
            }
        }
        if (generated == 0) {
            throw new IllegalArgumentException("no run records in " + results + "; run `bin/activation-lab"
                    + " reproduce mnist-mlp` (or another experiment of `activation-lab list`) first, or pass --out DIR");
        }
        spec.commandLine().getOut().println("regenerated " + Pages.writeIndex(registry, results, pages));
        return 0;
    }
}

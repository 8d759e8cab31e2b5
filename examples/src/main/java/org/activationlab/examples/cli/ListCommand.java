package org.activationlab.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.study.Experiment;
import org.activationlab.study.ExperimentDefaults;
import org.activationlab.study.ExperimentOption;
import org.activationlab.study.Experiments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints every registered experiment with its description, defaults and options. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the registered experiments (every Experiment on the class path) with their defaults.")
public final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Experiment<?> e : Experiments.registered().all()) {
            ExperimentDefaults d = e.defaults();
            out.println(e.name() + ": " + e.description());
            out.printf(Locale.ROOT, "  defaults: %d epochs, batch %d, %s, %s%s%s%n", d.epochs(), d.batchSize(),
                    d.optimizer(), d.data(), d.trainLimit() > 0 ? String.format(Locale.ROOT, " (first %,d)",
                            d.trainLimit()) : "", d.threshold() == null ? "" : ", threshold " + d.threshold());
            out.println("  activations: " + e.defaultActivations().stream().map(Activation::spec)
                    .collect(Collectors.joining(",")));
            for (ExperimentOption o : e.options()) {
                out.println("  --" + o.name() + " " + o.label() + " (default " + o.defaultValue() + "): "
                        + o.description());
            }
        }
        out.flush();
        return 0;
    }
}

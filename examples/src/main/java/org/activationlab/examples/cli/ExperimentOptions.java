package org.activationlab.examples.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activationlab.study.Experiment;
import org.activationlab.study.ExperimentOption;
import org.activationlab.study.Experiments;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The registered experiments' own options (e.g. {@code --depth}) added to a command at start-up, with help texts
 * from the experiments, so that a new experiment needs no edit here.
 */
final class ExperimentOptions {

    private ExperimentOptions() {
    }

    /** Adds {@code --<name>} for every option any registered experiment declares, once per name. */
    static void addTo(CommandSpec spec, Experiments experiments) {
        Map<String, List<String>> owners = new LinkedHashMap<>();
        Map<String, ExperimentOption> first = new LinkedHashMap<>();
        for (Experiment<?> e : experiments.all()) {
            for (ExperimentOption o : e.options()) {
                owners.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(e.name() + " (default " + o.defaultValue()
                        + ")");
                first.putIfAbsent(o.name(), o);
            }
        }
        first.forEach((name, o) -> spec.addOption(OptionSpec.builder("--" + name).paramLabel(o.label())
                .type(String.class).description((o.description() + " For " + String.join(", ", owners.get(name))
                        + ".").replace("%", "%%")).build()));  // picocli formats descriptions: a bare % breaks them
    }

    /** The experiment options given on the command line, by name without dashes. */
    static Map<String, String> given(ParseResult parsed, Experiments experiments) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Experiment<?> e : experiments.all()) {
            for (ExperimentOption o : e.options()) {
                if (parsed.hasMatchedOption("--" + o.name())) {
                    values.put(o.name(), parsed.matchedOptionValue("--" + o.name(), ""));
                }
            }
        }
        return values;
    }
}

package org.activationlab.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.activationlab.study.Experiment;
import org.activationlab.study.Experiments;
import org.activationlab.study.records.RecordStore;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists the stored records by experiment and settings, or rewrites them in the current schema. */
@Command(name = "records", mixinStandardHelpOptions = true,
        description = {"List the run records of every registered experiment by settings (fingerprint).",
                "With --tidy, rewrite every record in the current schema (completing what older records lack) and"
                        + " move runs whose settings differ from their folder's to other-settings/, so that no page"
                        + " pools them; then run `activation-lab report`."})
public final class RecordsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"--out", "--results"}, paramLabel = "DIR", defaultValue = "results",
            description = "Run records folder (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--tidy", description = "Rewrite records in the current schema and separate other settings.")
    boolean tidy;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Experiment<?> e : Experiments.registered().all()) {
            Path dir = results.resolve(e.name());
            if (tidy) {
                List<String> changes = RecordStore.tidy(dir, e::complete);
                changes.forEach(out::println);
                out.println(e.name() + ": " + changes.size() + " files rewritten or moved");
            }
            List<RunRecord> main = RunRecords.readAllIn(dir);
            Map<String, List<RunRecord>> other = RunRecords.readOtherSettingsIn(dir);
            if (main.isEmpty() && other.isEmpty()) {
                continue;
            }
            out.println(e.name() + ": " + main.size() + " runs" + fingerprints(main));
            other.forEach((folder, records) -> out.println("  other-settings/" + folder + ": " + records.size()
                    + " runs" + fingerprints(records)));
        }
        out.flush();
        return 0;
    }

    private static String fingerprints(List<RunRecord> records) {
        return records.stream().map(RunRecord::fingerprint).distinct().collect(Collectors.joining(", ", " (settings ",
                ")"));
    }
}

package org.activationlab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.activationlab.examples.cli.CommandLines;
import org.activationlab.study.records.RunRecords;
import org.activationlab.tf.PrecisionSupport;
import org.junit.jupiter.api.Test;

/**
 * The committed records and pages name data by what it is, never by a path on the machine that made them, and the
 * commands they name still find them.
 */
class CommittedResultsTest {

    private static final Pattern MACHINE_PATH = Pattern.compile("/root/|/home/|/Users/|file:///|[A-Z]:\\\\");

    @Test
    void noCommittedRecordOrPageHoldsAMachinePath() throws IOException {
        List<String> offenders;
        Path root = RepositoryRoot.find();
        try (Stream<Path> files = Stream.concat(Files.walk(root.resolve("results")),
                Files.walk(root.resolve("docs/results")))) {
            offenders = files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".md"))
                    .filter(f -> MACHINE_PATH.matcher(read(f)).find()).map(Path::toString).toList();
        }
        assertEquals(List.of(), offenders);
    }

    /**
     * Every command the committed records name, run again with {@code --dry-run} into the committed results, keeps
     * all the records it made and would train nothing: the pages' commands still reproduce their records. A change
     * to an experiment's protocol, a model's description or the fingerprint would plan new runs instead.
     */
    @Test
    void everyCommittedCommandStillFindsAllItsRecords() throws IOException {
        Path results = RepositoryRoot.find().resolve("results");
        Map<String, Long> runsByCommand;
        try (Stream<Path> files = Files.walk(results)) {
            runsByCommand = files.filter(f -> f.toString().endsWith(".json")).map(f -> RunRecords.read(f).command())
                    .collect(Collectors.groupingBy(c -> c, TreeMap::new, Collectors.counting()));
        }
        assertTrue(runsByCommand.size() >= 8, "the committed studies: " + runsByCommand.keySet());
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, Long> e : runsByCommand.entrySet()) {
            String command = e.getKey();
            if (command.contains("--precision bf16") && !PrecisionSupport.cpuHasBf16()) {
                continue;
            }
            List<String> args = new ArrayList<>(List.of(command.substring("bin/activation-lab ".length())
                    .split(" ")));
            args.addAll(List.of("--dry-run", "--no-progress", "--out", results.toString()));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = CommandLines.execute(out, err, args.toArray(String[]::new));
            assertEquals(0, exit, command + "\n" + err);
            assertTrue(out.toString().contains("dry run: 0 runs to train, " + e.getValue() + " finished runs kept"),
                    command + "\n" + out + err.toString().lines().filter(l -> l.contains("would train")).limit(3)
                            .collect(Collectors.joining("\n")));
            checked.add(command);
        }
        assertTrue(checked.size() >= runsByCommand.size() - 1, "checked " + checked);
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

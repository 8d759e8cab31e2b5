package org.activationlab.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad command-line input a user can type, through {@code Main} in-process: exit code 2, the message names the
 * input (one line; a parse error adds one line pointing at {@code --help}), no stack trace, and nothing is written.
 */
class BadInputTest {

    @TempDir
    static Path tmp;

    static Stream<Arguments> cases() throws IOException {
        Path file = Files.writeString(Files.createDirectories(tmp).resolve("a-file"), "x");
        return Stream.of(
                Arguments.of("empty activation", List.of("reproduce", "mnist-mlp", "--activations", "relu,,sigmoid"),
                        "activation list 'relu,,sigmoid' has an empty item after 1 activation(s)", 1),
                Arguments.of("trailing comma", List.of("reproduce", "mnist-mlp", "--activations", "relu,"),
                        "has an empty item", 1),
                Arguments.of("duplicate activation", List.of("reproduce", "mnist-mlp", "--activations", "relu,relu"),
                        "lists relu twice (positions 1 and 2)", 1),
                Arguments.of("unknown activation", List.of("reproduce", "mnist-mlp", "--activations", "relux"),
                        "unknown activation 'relux'", 1),
                Arguments.of("duplicate learning rate", List.of("experiment", "dying-relu", "--learning-rates",
                        "0.1,0.10"), "--learning-rates lists 0.10 twice (position 2)", 1),
                Arguments.of("empty learning rate", List.of("experiment", "dying-relu", "--learning-rates", "0.1,,1"),
                        "--learning-rates has an empty item at position 2", 1),
                Arguments.of("infinite learning rate", List.of("experiment", "dying-relu", "--learning-rates", "1e400"),
                        "--learning-rates value 1e400 is too large to be a finite number", 1),
                Arguments.of("negative learning rate", List.of("experiment", "dying-relu", "--learning-rates", "-1"),
                        "--learning-rates must all be > 0, got -1", 1),
                Arguments.of("not a seed", List.of("reproduce", "mnist-mlp", "--seed", "abc"),
                        "Invalid value for option '--seed': 'abc' is not a long", 2),
                Arguments.of("unknown option", List.of("reproduce", "mnist-mlp", "--epochz", "3"),
                        "Unknown options: '--epochz'", 2),
                Arguments.of("too many epochs", List.of("reproduce", "mnist-mlp", "--epochs", "99999999999"),
                        "'99999999999' is not an int", 2),
                Arguments.of("zero epochs", List.of("reproduce", "mnist-mlp", "--epochs", "0"),
                        "--epochs must be > 0, got 0", 1),
                Arguments.of("zero seeds", List.of("study", "mnist-mlp", "--seeds", "0"),
                        "--seeds must be > 0, got 0", 1),
                Arguments.of("bad shard", List.of("study", "mnist-mlp", "--shard", "3/2"),
                        "--shard i/n needs 1 <= i <= n, got '3/2'", 1),
                Arguments.of("unknown experiment", List.of("reproduce", "mnist-rnn"),
                        "unknown experiment 'mnist-rnn'", 1),
                Arguments.of("option of another experiment", List.of("reproduce", "mnist-cnn", "--depth", "3"),
                        "--depth does not apply to mnist-cnn", 1),
                Arguments.of("out is a file", List.of("reproduce", "mnist-mlp", "--out", file.toString()),
                        "is a file, not a folder", 1),
                Arguments.of("save-models is a file", List.of("reproduce", "mnist-mlp", "--save-models",
                        file.toString()), "--save-models " + file + ": " + file + " is a file, not a folder", 1),
                Arguments.of("tensorboard is a file", List.of("reproduce", "mnist-mlp", "--tensorboard",
                        file.toString()), "--tensorboard " + file + ": " + file + " is a file, not a folder", 1),
                Arguments.of("negative checkpoints to keep", List.of("reproduce", "mnist-mlp", "--keep-checkpoints",
                        "-1"), "--keep-checkpoints must be >= 0 (0 = none), got -1", 1),
                Arguments.of("docs is a file", List.of("report", "--docs", file.toString()),
                        "is a file, not a folder", 1),
                Arguments.of("report without records", List.of("report", "--results", tmp.resolve("none").toString()),
                        "no run records in", 1),
                Arguments.of("bad noise", List.of("experiment", "playground", "--noise", "0.7"),
                        "--noise must be in [0, 0.5]", 1),
                Arguments.of("noise not a number", List.of("experiment", "playground", "--noise", "loud"),
                        "--noise must be numbers such as 0.01,0.1,1; 'loud' is not a number", 1),
                Arguments.of("unknown summary model", List.of("summary", "mnist-rnn"),
                        "unknown experiment 'mnist-rnn'", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedInOneLineNamingTheInput(String name, List<String> args, String expected, int lines)
            throws IOException {
        Path results = tmp.resolve("results-" + name.replace(' ', '-'));
        Path docs = tmp.resolve("docs-" + name.replace(' ', '-'));
        List<String> all = new ArrayList<>(args);
        if (!args.contains("--out") && !args.get(0).equals("summary") && !args.get(0).equals("report")) {
            all.addAll(List.of("--out", results.toString()));
        }
        if (!args.contains("--docs") && !args.get(0).equals("summary")) {
            all.addAll(List.of("--docs", docs.toString()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = CommandLines.execute(out, err, all.toArray(String[]::new));

        String message = err.toString().strip();
        assertEquals(2, code, name + ": " + message);
        assertTrue(message.contains(expected), name + ": " + message);
        assertEquals(lines, message.lines().count(), name + ": " + message);
        if (lines == 2) {
            assertTrue(message.lines().toList().get(1).matches("see `activation-lab \\w+ --help`"), message);
        }
        assertFalse(message.contains("\tat ") || message.contains("Exception"), name + ": " + message);
        assertTrue(out.toString().isBlank(), name + " printed usage or results: " + out);
        assertFalse(Files.exists(results.resolve("mnist-mlp")) || Files.exists(docs.resolve("mnist-mlp.md")),
                name + " wrote results");
    }
}

package org.activationlab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.activationlab.dsl.Layers;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.dsl.layers.Activatable;
import org.activationlab.examples.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Keeps {@code docs/guide.md} honest: every {@code ```java} block compiles against the test classpath, and the guide
 * mentions every layer factory, chainable activation, activation name and command-line option, so a new one cannot
 * be forgotten. The snippet convention is described in the HTML comment at the top of the guide:
 * <ul>
 *   <li>a block whose first line starts with {@code package} is a complete source file, compiled as it is;</li>
 *   <li>any other block is a snippet: its leading {@code import} lines become imports and the rest the body of a
 *       static method that may throw, in a class with {@link #SNIPPET_IMPORTS} and {@link #SNIPPET_FIELDS}.</li>
 * </ul>
 * Snippets are compiled, never run.
 */
class GuideSnippetsTest {

    static final String GUIDE = "docs/guide.md";

    /** What every snippet may use without importing it. */
    static final List<String> SNIPPET_IMPORTS = List.of(
            "import static org.activationlab.dsl.Layers.*;",
            "import java.util.*;",
            "import java.nio.file.*;",
            "import org.activationlab.dsl.*;",
            "import org.activationlab.dsl.activations.*;",
            "import org.activationlab.dsl.layers.*;",
            "import org.activationlab.dsl.models.*;",
            "import org.activationlab.data.*;",
            "import org.activationlab.data.cifar.*;",
            "import org.activationlab.data.download.*;",
            "import org.activationlab.data.idx.*;",
            "import org.activationlab.data.images.*;",
            "import org.activationlab.data.mnist.*;",
            "import org.activationlab.data.playground.*;",
            "import org.activationlab.data.split.*;",
            "import org.activationlab.study.*;",
            "import org.activationlab.study.records.*;",
            "import org.activationlab.tf.*;",
            "import org.activationlab.tf.callbacks.*;",
            "import org.activationlab.tf.metrics.*;",
            "import org.activationlab.tf.optimizers.*;",
            "import org.activationlab.tf.probes.*;",
            "import org.activationlab.tf.training.*;");

    /** What every snippet may use without declaring it (a snippet may also declare its own of the same name). */
    static final List<String> SNIPPET_FIELDS = List.of(
            "static Dataset train, valid, test;",
            "static Sequential model;",
            "static CompiledModel compiled;",
            "static DatasetResolver resolver;");

    private static final Pattern FENCE = Pattern.compile("^(\\s*)```\\s*(\\S*)\\s*$");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|record|interface|enum)\\s+(\\w+)",
            Pattern.MULTILINE);

    /** A fenced code block: its language, the guide line of its first content line, and its content lines. */
    record Block(String language, int firstLine, List<String> lines) {

        String text() {
            return String.join("\n", lines);
        }
    }

    /** One generated source file and, for each of its lines (1-based), the guide line it came from (0: template). */
    record Unit(String className, String source, int[] guideLines) {
    }

    @Test
    void everyJavaBlockOfTheGuideCompiles(@TempDir Path classes) throws IOException {
        List<Block> blocks = javaBlocks(readGuide());
        assertTrue(blocks.size() >= 20, "expected the guide's Java examples, found only " + blocks.size()
                + " ```java blocks; is the fence syntax still ```java?");
        List<String> errors = compile(GUIDE, blocks, classes);
        if (!errors.isEmpty()) {
            fail(errors.size() + " compile error(s) in the Java examples of " + GUIDE + ":\n"
                    + String.join("\n", errors));
        }
    }

    @Test
    void compileErrorsNameTheGuideLineAndTheCompilerMessage(@TempDir Path classes) throws IOException {
        List<String> markdown = List.of(
                "# A guide",                                      // 1
                "```java",                                        // 2
                "import java.time.Duration;",                     // 3
                "Duration d = Duration.ofSeconds(1);",            // 4
                "Dense ok = dense(10).relu();",                   // 5
                "```",                                            // 6
                "text",                                           // 7
                "```java",                                        // 8
                "Sequential m = Sequential.of(input(4),",         // 9
                "        dense(2).softmx());",                    // 10
                "```",                                            // 11
                "```java",                                        // 12
                "package demo;",                                  // 13
                "public final class Broken { int x = \"a\"; }",   // 14
                "```");                                           // 15
        List<Block> blocks = javaBlocks(markdown);
        assertEquals(3, blocks.size());
        List<String> errors = compile("test.md", blocks, classes);
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("test.md:10: ") && errors.get(0).contains("softmx"), errors.get(0));
        assertTrue(errors.get(1).startsWith("test.md:14: ") && errors.get(1).contains("incompatible types"),
                errors.get(1));
    }

    @Test
    void theGuideShowsEveryLayerFactoryInAJavaExample() throws IOException {
        String java = javaText();
        Set<String> missing = new TreeSet<>();
        for (Method m : Layers.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())
                    && !Pattern.compile("(?<![\\w.])" + m.getName() + "\\(").matcher(java).find()) {
                missing.add(m.getName());
            }
        }
        assertTrue(missing.isEmpty(), "no ```java example in " + GUIDE + " calls the Layers factories " + missing
                + "; add a one-line example with its hyperparameters and defaults");
        assertTrue(java.contains("activation(\"") && java.contains("activation(Activations."),
                "show both overloads, activation(String) and activation(Activation)");
    }

    @Test
    void theGuideShowsEveryChainableActivationInAJavaExample() throws IOException {
        String java = javaText();
        Set<String> missing = new TreeSet<>();
        for (Method m : Activatable.class.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == Activatable.class
                    && !java.contains("." + m.getName() + "(")) {
                missing.add(m.getName());
            }
        }
        assertTrue(missing.isEmpty(), "no ```java example in " + GUIDE + " chains " + missing + " onto a layer");
        assertTrue(java.contains(".leakyRelu()") && java.contains(".leakyRelu(0"),
                "show leakyRelu() with its default slope and with an explicit one");
    }

    @Test
    void theGuideDocumentsEveryActivationNameAndItsTextFormsParse() throws IOException {
        String guide = String.join("\n", readGuide());
        Set<String> missing = new TreeSet<>();
        for (String name : Activations.catalogue().keySet()) {
            if (!guide.contains("`" + name + "`") && !guide.contains("`" + name + ":")) {
                missing.add(name);
            }
        }
        assertTrue(missing.isEmpty(), GUIDE + " does not document the activation names " + missing
                + " that Activations.parse accepts (write them as `name` or `name:args`)");

        // text forms are never run by the compile check, so parse every one the guide shows
        List<String> bad = new ArrayList<>();
        Matcher code = Pattern.compile("`([A-Za-z_-]+(?::[^`\\s]*)?)`").matcher(guide);
        while (code.find()) {
            String text = code.group(1);
            String name = text.split(":", 2)[0].toLowerCase(Locale.ROOT).replace('-', '_');
            if (Activations.catalogue().containsKey(name)) {
                tryParse(text, false, bad);
            }
        }
        Matcher literal = Pattern.compile("(parse|parseList|activation)\\(\"([^\"]*)\"\\)").matcher(javaText());
        while (literal.find()) {
            tryParse(literal.group(2), literal.group(1).equals("parseList"), bad);
        }
        Matcher option = Pattern.compile("--activations? ([^\\s`|]+)").matcher(guide);
        while (option.find()) {
            if (!option.group(1).equals(option.group(1).toUpperCase(Locale.ROOT))) {   // skip LIST, NAME
                tryParse(option.group(1), true, bad);
            }
        }
        assertTrue(bad.isEmpty(), "activation text forms in " + GUIDE + " that do not parse:\n"
                + String.join("\n", bad));
    }

    @Test
    void theGuideDocumentsEveryCommandAndOption() throws IOException {
        String guide = String.join("\n", readGuide());
        Set<String> missing = new TreeSet<>();
        CommandLine cli = Main.commandLine();
        for (OptionSpec o : cli.getCommandSpec().options()) {
            requireMentioned(guide, o.longestName(), "activation-lab", missing);
        }
        for (var sub : cli.getSubcommands().entrySet()) {
            if (sub.getKey().equals("help")) {
                continue;
            }
            if (!guide.contains("### " + sub.getKey())) {
                missing.add("section ### " + sub.getKey());
            }
            for (OptionSpec o : sub.getValue().getCommandSpec().options()) {
                requireMentioned(guide, o.longestName(), sub.getKey(), missing);
            }
        }
        assertTrue(missing.isEmpty(), GUIDE + " does not document " + missing);
    }

    private static void requireMentioned(String guide, String option, String command, Set<String> missing) {
        if (!Pattern.compile("`" + Pattern.quote(option) + "[` ]").matcher(guide).find()) {
            missing.add(command + " " + option);
        }
    }

    private static void tryParse(String text, boolean list, List<String> bad) {
        try {
            if (list) {
                Activations.parseList(text);
            } else {
                Activations.parse(text);
            }
        } catch (IllegalArgumentException e) {
            bad.add("'" + text + "': " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- extraction and compilation

    /** The fenced {@code java} blocks of a Markdown text, in order. */
    static List<Block> javaBlocks(List<String> markdown) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < markdown.size(); i++) {
            Matcher open = FENCE.matcher(markdown.get(i));
            if (!open.matches()) {
                continue;
            }
            String indent = open.group(1);
            String language = open.group(2);
            List<String> lines = new ArrayList<>();
            int j = i + 1;
            for (; j < markdown.size(); j++) {
                Matcher close = FENCE.matcher(markdown.get(j));
                if (close.matches() && close.group(2).isEmpty()) {
                    break;
                }
                String line = markdown.get(j);
                lines.add(line.startsWith(indent) ? line.substring(indent.length()) : line.stripLeading());
            }
            if (j == markdown.size()) {
                throw new AssertionError("the code block opened at line " + (i + 1) + " is never closed");
            }
            if (language.equals("java")) {
                blocks.add(new Block(language, i + 2, lines));
            }
            i = j;
        }
        return blocks;
    }

    /** Compiles the blocks in one javac run; returns one {@code <label>:<line>: <message>} per error. */
    static List<String> compile(String label, List<Block> blocks, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the guide's examples need a JDK (javax.tools.JavaCompiler), not a JRE");
        List<Unit> units = new ArrayList<>();
        for (Block b : blocks) {
            units.add(unitOf(b));
        }
        List<JavaFileObject> sources = new ArrayList<>();
        for (Unit u : units) {
            sources.add(new SimpleJavaFileObject(URI.create("string:///" + u.className().replace('.', '/')
                    + JavaFileObject.Kind.SOURCE.extension), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return u.source();
                }
            });
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
                "-proc:none", "-encoding", "UTF-8");
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            javac.getTask(null, files, diagnostics, options, null, sources).call();
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            int source = d.getSource() == null ? -1 : sources.indexOf(d.getSource());
            String where;
            if (source < 0) {
                where = label;
            } else {
                Unit u = units.get(source);
                int line = (int) d.getLineNumber();
                int guideLine = line >= 1 && line < u.guideLines().length ? u.guideLines()[line] : 0;
                where = label + ":" + (guideLine > 0 ? guideLine : blocks.get(source).firstLine() - 1);
            }
            errors.add(where + ": " + d.getMessage(Locale.ROOT).replace("\n", "\n    "));
        }
        errors.sort((a, b) -> Integer.compare(lineOf(a), lineOf(b)));
        return errors;
    }

    private static int lineOf(String error) {
        Matcher m = Pattern.compile("^[^:]*:(\\d+):").matcher(error);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** A complete file as it is, or a snippet inside the template. */
    static Unit unitOf(Block b) {
        List<String> lines = b.lines();
        String first = lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("");
        if (first.startsWith("package ")) {
            String pkg = first.substring("package ".length()).replace(";", "").strip();
            Matcher type = PUBLIC_TYPE.matcher(b.text());
            String name = type.find() ? type.group(1) : "GuideFile_L" + b.firstLine();
            int[] map = new int[lines.size() + 1];
            for (int i = 0; i < lines.size(); i++) {
                map[i + 1] = b.firstLine() + i;
            }
            return new Unit(pkg + "." + name, b.text() + "\n", map);
        }
        String className = "GuideSnippet_L" + b.firstLine();
        List<String> out = new ArrayList<>();
        List<Integer> map = new ArrayList<>();
        map.add(0);   // line numbers are 1-based
        int body = 0;
        while (body < lines.size() && (lines.get(body).isBlank() || lines.get(body).startsWith("import "))) {
            out.add(lines.get(body));
            map.add(b.firstLine() + body);
            body++;
        }
        for (String line : SNIPPET_IMPORTS) {
            out.add(line);
            map.add(0);
        }
        for (String line : List.of("", "final class " + className + " {")) {
            out.add(line);
            map.add(0);
        }
        for (String line : SNIPPET_FIELDS) {
            out.add("    " + line);
            map.add(0);
        }
        out.add("    static void snippet() throws Exception {");
        map.add(0);
        for (int i = body; i < lines.size(); i++) {
            out.add("        " + lines.get(i));
            map.add(b.firstLine() + i);
        }
        for (String line : List.of("    }", "}")) {
            out.add(line);
            map.add(0);
        }
        return new Unit(className, String.join("\n", out) + "\n", map.stream().mapToInt(Integer::intValue).toArray());
    }

    private static String javaText() throws IOException {
        return String.join("\n", javaBlocks(readGuide()).stream().map(Block::text).toList());
    }

    /** The guide's lines, found from the module or the project directory. */
    static List<String> readGuide() throws IOException {
        return Arrays.asList(Files.readString(RepositoryRoot.find().resolve(GUIDE), StandardCharsets.UTF_8)
                .split("\n", -1));
    }
}

package org.activationlab.study.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.activationlab.study.OutputFolders;

/**
 * The machine and software a run used, so that timings and small numerical differences can be explained.
 *
 * @param activationLabVersion this project's version, as the build recorded it
 * @param javaVersion {@code java.version}
 * @param javaVendor {@code java.vendor}
 * @param os operating system name and version
 * @param arch CPU architecture as the JVM reports it
 * @param cpuModel the "model name" line of {@code /proc/cpuinfo}, or {@code unknown}
 * @param availableProcessors processors available to the JVM
 * @param tensorflowVersion the TensorFlow native library's version
 * @param gitCommit {@code git rev-parse HEAD} of the working directory, with {@code -dirty} appended when
 *     tracked files have uncommitted changes (run records and generated pages under {@code results/} and
 *     {@code docs/results/} do not count), or {@code unknown} outside a repository or without git
 * @param intraOpThreads the intra-op threads of the run's TensorFlow session: 0 for TensorFlow's default pools (the
 *     run trained alone), n when runs trained side by side with n threads each, so that timings are compared only
 *     between runs that shared the cores alike; {@code null} in records written before it was recorded
 * @param intraOpPoolPerSession whether each TensorFlow session had an intra-op pool of its own ({@code
 *     TF_OVERRIDE_GLOBAL_THREADPOOL=1}) rather than the one the process's first session sized for all, which makes
 *     runs side by side slower; {@code null} in records written before it was recorded (schema 6 and older)
 */
public record EnvironmentInfo(String activationLabVersion, String javaVersion, String javaVendor, String os,
        String arch, String cpuModel, int availableProcessors, String tensorflowVersion, String gitCommit,
        Integer intraOpThreads, Boolean intraOpPoolPerSession) {

    public static final String UNKNOWN = "unknown";

    private static final long GIT_TIMEOUT_SECONDS = 10;

    /**
     * Describes the running JVM and machine; the TensorFlow version and whether its sessions get intra-op pools of
     * their own come from the caller, which loaded it.
     */
    public static EnvironmentInfo capture(String tensorflowVersion, boolean intraOpPoolPerSession) {
        Path workingDir = Path.of(System.getProperty("user.dir"));
        return new EnvironmentInfo(detectVersion(), System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"), readCpuModel(), Runtime.getRuntime().availableProcessors(),
                tensorflowVersion, gitCommit(workingDir), 0, intraOpPoolPerSession);
    }

    /** This environment for a run whose session had {@code threads} intra-op threads (0: the default pools). */
    public EnvironmentInfo withIntraOpThreads(int threads) {
        return new EnvironmentInfo(activationLabVersion, javaVersion, javaVendor, os, arch, cpuModel,
                availableProcessors, tensorflowVersion, gitCommit, threads, intraOpPoolPerSession);
    }

    /** The version the build wrote into {@code version.properties} (a filtered resource). */
    static String detectVersion() {
        try (InputStream in = EnvironmentInfo.class.getResourceAsStream("/org/activationlab/study/version.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", UNKNOWN);
            return v.startsWith("${") ? UNKNOWN : v;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    private static String readCpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(UNKNOWN);
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc unreadable: the model is a nicety, not worth failing a run over
            return UNKNOWN;
        }
    }

    /**
     * The commit of the repository containing {@code dir}, {@code -dirty} if tracked files other than the
     * generated outputs ({@code results/} and {@code docs/results/}, which a study rewrites as it goes) have
     * changes, else unknown.
     */
    public static String gitCommit(Path dir) {
        Optional<String> head = git(dir, "rev-parse", "HEAD");
        if (head.isEmpty() || head.get().isEmpty()) {
            return UNKNOWN;
        }
        Optional<String> status = git(dir, "status", "--porcelain", "--untracked-files=no", "--", ":(top)",
                ":(top,exclude)" + OutputFolders.COMMITTED_RECORDS, ":(top,exclude)" + OutputFolders.COMMITTED_PAGES);
        // if status itself fails the tree cannot be vouched for, so err on the side of "dirty"
        boolean dirty = status.isEmpty() || !status.get().isEmpty();
        return head.get() + (dirty ? "-dirty" : "");
    }

    /** Runs git and returns its trimmed output, or empty if git is missing, fails or hangs. */
    private static Optional<String> git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            // drain stdout concurrently: a long status listing would otherwise fill the pipe and stall git
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
                try (InputStream in = p.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!p.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(out.join()) : Optional.empty();
        } catch (IOException | CompletionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

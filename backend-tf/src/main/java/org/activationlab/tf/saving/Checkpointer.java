package org.activationlab.tf.saving;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.callbacks.Callback;
import org.activationlab.tf.callbacks.TrainingControl;
import org.activationlab.tf.probes.ProbeStats;
import org.activationlab.tf.training.EpochStats;
import org.activationlab.tf.training.History;

/**
 * A {@link Callback} that writes a checkpoint after every epoch into {@code <dir>/epoch-NNNN}: a saved model
 * ({@link ModelStore}'s layout) with the optimizer state and step, plus {@code history.json} with the epochs and
 * probes so far and the run's tag. Each checkpoint is written atomically, then all but the newest {@code keep} are
 * removed. With {@link #latest} and {@code FitOptions.Builder.resumeFrom} an interrupted run continues after its
 * last completed epoch; the dropout masks and augmentations follow from the restored step, and the shuffle order
 * is replayed from the seed, so in deterministic mode the resumed run equals an uninterrupted one.
 */
public final class Checkpointer implements Callback {

    static final String HISTORY_FILE = "history.json";
    private static final Pattern NAME = Pattern.compile("epoch-(\\d{4,})");
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private final CompiledModel model;
    private final ModelInfo info;
    private final Path dir;
    private final int keep;
    private final String tag;
    private final List<EpochStats> epochs = new ArrayList<>();
    private final List<ProbeStats> probes = new ArrayList<>();

    /**
     * @param model the model being trained
     * @param info class names and preprocessing, saved with each checkpoint
     * @param dir the run's checkpoint folder
     * @param keep how many of the newest checkpoints to keep, >= 1
     * @param tag identifies the run's settings; {@link #latest} ignores checkpoints with another tag
     * @param previous the history restored from a checkpoint when resuming, or {@code null}
     */
    public Checkpointer(CompiledModel model, ModelInfo info, Path dir, int keep, String tag, History previous) {
        if (keep < 1) {
            throw new IllegalArgumentException("checkpoints to keep must be >= 1, got " + keep);
        }
        this.model = model;
        this.info = info;
        this.dir = dir;
        this.keep = keep;
        this.tag = tag;
        if (previous != null) {
            epochs.addAll(previous.epochs());
            probes.addAll(previous.probes());
        }
    }

    @Override
    public void onProbe(ProbeStats probe) {
        probes.add(probe);
    }

    @Override
    public void onEpochEnd(EpochStats stats, TrainingControl control) {
        epochs.add(stats);
        Path target = dir.resolve(String.format(Locale.ROOT, "epoch-%04d", stats.epoch()));
        History history = new History(epochs, null, 0, probes);
        try {
            AtomicDirectory.write(target, temp -> {
                ModelStore.writeInto(temp, model, info, true);
                ObjectNode root = MAPPER.createObjectNode();
                root.put("tag", tag).put("epoch", stats.epoch());
                root.set("history", MAPPER.valueToTree(history));
                Files.writeString(temp.resolve(HISTORY_FILE), MAPPER.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(root));
            });
            List<Path> all = checkpoints(dir);
            for (int i = 0; i < all.size() - keep; i++) {
                AtomicDirectory.deleteTree(all.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e.getMessage(), e);
        }
    }

    /** The complete checkpoints in {@code dir}, oldest first. */
    private static List<Path> checkpoints(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p -> NAME.matcher(p.getFileName().toString()).matches()
                    && Files.isRegularFile(p.resolve(HISTORY_FILE))).sorted().toList();
        }
    }

    /**
     * The newest checkpoint in {@code dir} written with {@code tag}, if any. Temporary folders of a checkpoint
     * interrupted while being written are never returned.
     */
    public static Optional<Checkpoint> latest(Path dir, String tag) throws IOException {
        List<Path> all = checkpoints(dir);
        for (int i = all.size() - 1; i >= 0; i--) {
            Path p = all.get(i);
            JsonNode root = MAPPER.readTree(Files.readString(p.resolve(HISTORY_FILE)));
            if (!tag.equals(root.path("tag").asText())) {
                continue;
            }
            Matcher m = NAME.matcher(p.getFileName().toString());
            m.matches();
            History history = MAPPER.treeToValue(root.get("history"), History.class);
            long step = ModelStore.readInfo(p).step();
            return Optional.of(new Checkpoint(p, Integer.parseInt(m.group(1)), history, step));
        }
        return Optional.empty();
    }

    /** Removes the checkpoint folder {@code dir}, e.g. once the run's record is written. */
    public static void clear(Path dir) throws IOException {
        AtomicDirectory.deleteTree(dir);
    }
}

package org.activationlab.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.activationlab.dsl.Shape;
import org.activationlab.examples.persistence.ImageInputs;
import org.activationlab.tf.saving.LoadedModel;
import org.activationlab.tf.saving.ModelStore;
import org.activationlab.tf.saving.Preprocessing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Classifies images with a saved model. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Classify PNG or JPEG images with a saved model (from --save-models or ModelStore.save) and"
                + " print the top classes with their probabilities, one line per image.",
                "The image must have the model's size and channel count (greyscale or RGB); the preprocessing the"
                        + " model was trained with (e.g. scaling to [0, 1], per-channel normalisation) is applied."})
public final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "The saved model's folder.")
    Path model;

    @Option(names = "--top", paramLabel = "K", defaultValue = "3",
            description = "How many classes to print per image (default: ${DEFAULT-VALUE}).")
    int top;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "PNG or JPEG files.")
    List<Path> images;

    @Override
    public Integer call() throws IOException {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be >= 1, got " + top);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (LoadedModel loaded = ModelStore.load(model)) {
            Shape in = loaded.description().inputShape();
            if (in.rank() != 3) {
                throw new IllegalArgumentException(model + " takes inputs of shape " + in.withBatch()
                        + ", not images [height, width, channels]; predict classifies images only");
            }
            Preprocessing pre = loaded.info().preprocessing();
            if (pre == null || pre.channels() != in.dim(2)) {
                throw new IllegalArgumentException(model + " was saved without the preprocessing of its "
                        + in.dim(2) + "-channel images; save it again with its ModelInfo");
            }
            List<String> names = loaded.info().classNames();
            for (Path image : images) {
                float[] x = pre.apply(ImageInputs.read(image, in.dim(0), in.dim(1), in.dim(2)));
                float[] p = loaded.model().predictProbabilities(x, 1);
                int[] order = IntStream.range(0, p.length).boxed()
                        .sorted(Comparator.comparingDouble((Integer c) -> p[c]).reversed())
                        .mapToInt(Integer::intValue).toArray();
                String ranked = String.join(", ", Arrays.stream(order).limit(top)
                        .mapToObj(c -> String.format(Locale.ROOT, "%s %.4f", names.get(c), p[c])).toList());
                out.println(image + ": " + ranked);
            }
        }
        out.flush();
        return 0;
    }
}

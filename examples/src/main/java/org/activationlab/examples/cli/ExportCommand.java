package org.activationlab.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.activationlab.tf.InferenceGraph;
import org.activationlab.tf.saving.LoadedModel;
import org.activationlab.tf.saving.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Exports a saved model as a TensorFlow SavedModel. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a saved model as a TensorFlow SavedModel (tag serve) with the signature"
                + " serving_default: input float32 [-1, <input shape>] (already preprocessed) -> probabilities"
                + " float32 [-1, classes] and classes int64 [-1]."})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "The saved model's folder.")
    Path model;

    @Option(names = "--saved-model", paramLabel = "OUT", required = true,
            description = "The SavedModel folder to create; it must not exist yet.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(out)) {
            throw new IllegalArgumentException("--saved-model " + out + " already exists; remove it or choose another"
                    + " folder");
        }
        try (LoadedModel loaded = ModelStore.load(model);
                InferenceGraph graph = InferenceGraph.of(loaded.model())) {
            graph.exportSavedModel(out);
        }
        spec.commandLine().getOut().println("exported " + model + " as a TensorFlow SavedModel to " + out
                + " (signature " + InferenceGraph.SIGNATURE + ", tag serve)");
        return 0;
    }
}

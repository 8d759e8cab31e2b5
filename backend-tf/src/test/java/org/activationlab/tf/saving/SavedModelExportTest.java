package org.activationlab.tf.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.activationlab.data.Dataset;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.InferenceGraph;
import org.activationlab.tf.ModelCompiler;
import org.activationlab.tf.TrainingConfig;
import org.activationlab.tf.optimizers.Adam;
import org.activationlab.tf.training.FitOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

class SavedModelExportTest {

    @TempDir
    Path tmp;

    @Test
    void aFreshBundleServesTheTrainedModel() throws IOException {
        Dataset data = TinyImages.images(120, 8);
        int n = data.size();
        float[] expected;
        Path dir = tmp.resolve("saved_model");
        try (CompiledModel model = ModelCompiler.compile(TinyImages.CNN, TrainingConfig.of(Adam.defaults(), 2))) {
            model.fit(data, FitOptions.builder(2, 32).build());
            expected = model.predictProbabilities(data.features(), n);
            try (InferenceGraph graph = InferenceGraph.of(model)) {
                graph.exportSavedModel(dir);
            }
        }
        try (SavedModelBundle bundle = SavedModelBundle.load(dir.toString(), "serve");
                TFloat32 x = TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(n, 8, 8, 2),
                        DataBuffers.of(data.features(), true, false));
                Result r = bundle.function(InferenceGraph.SIGNATURE).call(Map.<String, Tensor>of(InferenceGraph.INPUT,
                        x))) {
            TFloat32 p = (TFloat32) r.get(InferenceGraph.PROBABILITIES).orElseThrow();
            TInt64 classes = (TInt64) r.get(InferenceGraph.CLASSES).orElseThrow();
            assertEquals(org.tensorflow.ndarray.Shape.of(n, 3), p.shape());
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int c = 0; c < 3; c++) {
                    assertEquals(expected[i * 3 + c], p.getFloat(i, c), 1e-6, "sample " + i + " class " + c);
                    best = expected[i * 3 + c] > expected[i * 3 + best] ? c : best;
                }
                assertEquals(best, classes.getLong(i), "sample " + i);
            }
        }
    }
}

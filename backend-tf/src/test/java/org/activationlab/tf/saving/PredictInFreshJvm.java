package org.activationlab.tf.saving;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a second JVM by {@link ModelStoreTest}: loads a saved model, predicts the features in a file and writes
 * the probabilities, so the test can compare them with the process that trained the model.
 */
public final class PredictInFreshJvm {

    private PredictInFreshJvm() {
    }

    public static void main(String[] args) throws Exception {
        byte[] raw = Files.readAllBytes(Path.of(args[1]));
        float[] features = new float[raw.length / 4];
        ByteBuffer.wrap(raw).asFloatBuffer().get(features);
        try (LoadedModel loaded = ModelStore.load(Path.of(args[0]))) {
            float[] p = loaded.model().predictProbabilities(features, Integer.parseInt(args[2]));
            ByteBuffer out = ByteBuffer.allocate(4 * p.length);
            out.asFloatBuffer().put(p);
            Files.write(Path.of(args[3]), out.array());
        }
    }
}

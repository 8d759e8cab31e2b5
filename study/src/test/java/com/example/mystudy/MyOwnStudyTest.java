package com.example.mystudy;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.flatten;
import static org.activationlab.dsl.Layers.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.activationlab.data.Dataset;
import org.activationlab.data.TrainTest;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.data.mnist.Mnist;
import org.activationlab.dsl.Sequential;
import org.activationlab.study.Study;
import org.activationlab.study.StudyResult;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecords;
import org.activationlab.tf.optimizers.Adam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own study through the public API only, from a package outside the project's: a small MLP on 2,000
 * MNIST images, 2 activations x 2 seeds x 1 epoch.
 */
class MyOwnStudyTest {

    @Test
    void aUserStudyWritesValidRecordsResumesAndRendersItsPage(@TempDir Path tmp) throws IOException {
        TrainTest mnist = Mnist.load(DatasetResolver.fromEnvironment());
        Dataset train = mnist.train().take(2_000);
        Dataset valid = mnist.test().take(500);
        Dataset test = mnist.test().subset(java.util.stream.IntStream.range(500, 1500).toArray(), "mnist-test-1000");
        List<String> log = new ArrayList<>();
        List<Integer> epochs = new ArrayList<>();
        Study study = Study.builder("my-question")
                .model(act -> Sequential.of(input(28, 28, 1), flatten(), dense(32).activation(act),
                        dense(10).softmax()))
                .activations("relu", "tanh")
                .seeds(2)
                .data(train, valid, test)
                .optimizer(Adam.defaults()).epochs(1).batchSize(64)
                .threshold(0.5)
                .progress(false).log(log::add).onEpoch((run, e) -> epochs.add(e.epoch()))
                .build();
        Path results = tmp.resolve("results/my-question");

        StudyResult first = study.run(results);

        assertEquals(4, first.trained());
        assertEquals(List.of(1, 1, 1, 1), epochs, "the epoch listener saw every epoch of every run");
        List<RunRecord> records = RunRecords.readAllIn(results);
        assertEquals(4, records.size());
        for (RunRecord r : records) {
            assertEquals("my-question", r.experiment());
            assertEquals(1, r.history().size());
            assertEquals(1000, r.test().examples());
            assertEquals(500, r.validation().examples());
            assertTrue(r.test().accuracy() > 0.5, "one epoch on 2,000 images learns something: " + r.test());
            assertEquals(records.get(0).fingerprint(), r.fingerprint(), "one grid, one fingerprint");
            assertTrue(r.dawnbench() != null && r.dawnbench().threshold() == 0.5, "threshold recorded");
        }
        assertEquals(List.of("relu/1", "relu/2", "tanh/1", "tanh/2"), records.stream()
                .map(r -> r.activation().spec() + "/" + r.seed()).toList());

        StudyResult second = study.run(results);

        assertEquals(0, second.trained(), "a second run trains nothing");
        assertEquals(4, second.kept());
        assertEquals(records, RunRecords.readAllIn(results));

        Path docs = tmp.resolve("docs");
        List<Path> pages = second.writeReport(docs);

        assertEquals(List.of(docs.resolve("my-question.md")), pages);
        String md = Files.readString(pages.get(0));
        assertTrue(md.contains("## Is the difference real?"), md);
        assertTrue(md.contains("Each activation against ReLU"), md);
        assertTrue(md.contains(", n=2)"), "tables summarise two seeds: " + md);
        Matcher images = Pattern.compile("!\\[[^]]*]\\(([^)]+)\\)").matcher(md);
        int figures = 0;
        while (images.find()) {
            assertTrue(Files.isRegularFile(docs.resolve(images.group(1))), "figure " + images.group(1));
            figures++;
        }
        assertTrue(figures >= 4, "curves, metric bars and training time: " + figures);
        try (Stream<Path> files = Files.walk(tmp)) {
            assertTrue(files.filter(f -> f.toString().endsWith(".json")).allMatch(f -> !read(f).contains(
                    tmp.toString())), "records hold no machine paths");
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

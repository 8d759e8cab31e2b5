package org.activationlab.examples.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.activationlab.examples.cli.CommandLines;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An image folder of any class count trains end to end; a wrong image size is refused in command-line terms. */
class ImageFolderExperimentTest {

    @TempDir
    Path tmp;

    private static void folder(Path root, int size, List<String> classes, int perClass) throws IOException {
        Random random = new Random(3);
        for (String split : List.of("train", "test")) {
            for (int c = 0; c < classes.size(); c++) {
                Path dir = Files.createDirectories(root.resolve(split).resolve(classes.get(c)));
                for (int i = 0; i < perClass; i++) {
                    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
                    for (int y = 0; y < size; y++) {
                        for (int x = 0; x < size; x++) {
                            int v = Math.min(255, c * 200 + random.nextInt(50));
                            image.setRGB(x, y, (v << 16) | (v << 8) | v);
                        }
                    }
                    ImageIO.write(image, "png", dir.resolve(i + ".png").toFile());
                }
            }
        }
    }

    private int run(StringWriter err, String... args) {
        return CommandLines.execute(new StringWriter(), err, args);
    }

    @Test
    void aTwoClassFolderTrainsATwoWayModelAndAveragesOverTwoClasses() throws IOException {
        Path images = tmp.resolve("pets");
        folder(images, 32, List.of("cat", "dog"), 6);
        StringWriter err = new StringWriter();

        int code = run(err, "reproduce", "cifar10-vgg11", "--data", "folder:" + images, "--protocol", "full",
                "--epochs", "1", "--activations", "relu", "--out", tmp.resolve("results").toString(), "--docs",
                tmp.resolve("docs").toString(), "--cache-dir", tmp.resolve("cache").toString());

        assertEquals(0, code, err.toString());
        RunRecord r = RunRecords.readAll(tmp.resolve("results"), "cifar10-vgg11").get(0);
        assertEquals(2, r.test().confusionMatrix().length, "a 2-way softmax");
        assertEquals(12, r.test().examples());
        // VGG-11 with a 10-way output has 9,231,114 parameters; 8 fewer outputs of 512 weights and a bias each
        assertEquals(9_231_114 - 8 * 513, r.protocol().parameters());
        assertTrue(r.test().precision() >= 0 && r.test().precision() <= 1);
    }

    @Test
    void imagesOfAnotherSizeAreRefusedNamingTheFlag() throws IOException {
        Path images = tmp.resolve("small");
        folder(images, 16, List.of("a", "b", "c"), 2);
        StringWriter err = new StringWriter();

        int code = run(err, "reproduce", "cifar10-vgg11", "--data", "folder:" + images, "--out",
                tmp.resolve("results").toString(), "--docs", tmp.resolve("docs").toString(), "--cache-dir",
                tmp.resolve("cache").toString());

        assertEquals(2, code);
        String message = err.toString().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(message.contains("--data folder:" + images + " holds 16x16x3 images, but cifar10-vgg11 and"
                + " cifar10-resnet20 train on 32x32 RGB images"), message);
        assertTrue(message.contains("pass --data a folder or archive of 32x32 RGB images"), message);
    }
}

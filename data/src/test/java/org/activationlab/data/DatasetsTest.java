package org.activationlab.data;

import static org.activationlab.data.idx.IdxFiles.labels;
import static org.activationlab.data.idx.IdxFiles.ubyte;
import static org.activationlab.data.idx.IdxFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.activationlab.data.cifar.Cifar10;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.data.idx.IdxReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    @TempDir
    Path tmp;

    @Test
    void opensIdxDirectoryNamedAfterIt() throws IOException {
        Path dir = tmp.resolve("fashion");
        write(dir.resolve(IdxReader.TRAIN_IMAGES), ubyte(2, 3, 3));
        write(dir.resolve(IdxReader.TRAIN_LABELS), labels(9, 0));
        write(dir.resolve(IdxReader.TEST_IMAGES), ubyte(1, 3, 3));
        write(dir.resolve(IdxReader.TEST_LABELS), labels(5));

        TrainTest data = Datasets.open("idx:" + dir, DatasetResolver.create(tmp.resolve("cache"), null));

        assertEquals("fashion-train", data.train().name());
        assertEquals(10, data.train().numClasses());
        assertEquals(1, data.test().size());
        assertTrue(data.train().source().contains(dir.toString()));
    }

    @Test
    void unknownImageSpecListsSupportedForms() {
        DatasetResolver resolver = DatasetResolver.create(tmp, null);
        for (String spec : new String[] {"mnist", "cifar100", "folder:", ""}) {
            String message = assertThrows(IllegalArgumentException.class, () -> Datasets.openImages(spec, resolver))
                    .getMessage();
            assertTrue(message.startsWith("unknown image dataset '" + spec + "'; supported: 'cifar10' (")
                    && message.contains("'cifar10-jpeg' (") && message.contains("'folder:<directory or .tar.gz>' ("),
                    message);
        }
    }

    @Test
    void cifar10MissingFromTheMirrorSuggestsTheJpegCopy() throws IOException {
        Path mirror = Files.createDirectories(tmp.resolve("mirror"));
        DatasetResolver resolver = DatasetResolver.create(tmp.resolve("cache"), mirror.toString());

        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> Datasets.openImages("cifar10", resolver));

        assertTrue(e.getMessage().startsWith("no cifar-10-binary.tar.gz at " + mirror.toUri()
                + "cifar10/cifar-10-binary.tar.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("a mirror may hold its JPEG re-encoding cifar10-jpeg.tar.gz at its root"
                + " (../shared/data does): load 'cifar10-jpeg' (Cifar10.Source.JPEG) instead"), e.getMessage());

        DatasetNotFoundException jpeg = assertThrows(DatasetNotFoundException.class,
                () -> Datasets.openImages("CIFAR10-JPEG", resolver));
        assertTrue(jpeg.getMessage().startsWith("no cifar10-jpeg.tar.gz at " + mirror.toUri() + "cifar10-jpeg.tar.gz"),
                jpeg.getMessage());
    }

    @Test
    void cifar10JpegWithoutAMirrorNamesTheMirrorAndTheCanonicalDataset() {
        DatasetResolver resolver = DatasetResolver.create(tmp.resolve("cache"), null, key -> null, key -> null);

        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> Cifar10.load(resolver, Cifar10.Source.JPEG));

        assertTrue(e.getMessage().contains("only available from a data mirror such as ../shared/data"), e.getMessage());
        assertTrue(e.getMessage().endsWith("The canonical binary CIFAR-10 is the dataset 'cifar10'"
                + " (Cifar10.Source.BINARY)"), e.getMessage());
    }

    @Test
    void unknownSpecListsSupportedForms() {
        DatasetResolver resolver = DatasetResolver.create(tmp, null);
        for (String spec : new String[] {"cifar10", "idx:", ""}) {
            String message = assertThrows(IllegalArgumentException.class, () -> Datasets.open(spec, resolver))
                    .getMessage();
            assertTrue(message.contains("'" + spec + "'") && message.contains("'mnist'")
                    && message.contains("'idx:<directory>'"), message);
        }
    }
}

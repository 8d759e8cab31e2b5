package org.activationlab.data;

import static org.activationlab.data.idx.IdxFiles.labels;
import static org.activationlab.data.idx.IdxFiles.ubyte;
import static org.activationlab.data.idx.IdxFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
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

        MnistData data = Datasets.open("idx:" + dir, DatasetResolver.create(tmp.resolve("cache"), null));

        assertEquals("fashion-train", data.train().name());
        assertEquals(10, data.train().numClasses());
        assertEquals(1, data.test().size());
        assertTrue(data.train().source().contains(dir.toString()));
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

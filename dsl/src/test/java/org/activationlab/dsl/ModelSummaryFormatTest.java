package org.activationlab.dsl;

import static org.activationlab.dsl.Layers.batchNorm;
import static org.activationlab.dsl.Layers.conv2d;
import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.flatten;
import static org.activationlab.dsl.Layers.globalAvgPool;
import static org.activationlab.dsl.Layers.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.dsl.activations.PRelu;
import org.activationlab.dsl.models.PaperModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The torchsummary-style text of {@link ModelSummary}, byte for byte, on any locale. */
class ModelSummaryFormatTest {

    private static final String SMALL = String.join("\n",
            "----------------------------------------------------------------",
            "        Layer (type)               Output Shape         Param #",
            "================================================================",
            "             Dense-1                  [-1, 128]         100,480",
            "         LeakyReLU-2                  [-1, 128]               0",
            "             Dense-3                   [-1, 10]           1,290",
            "           Softmax-4                   [-1, 10]               0",
            "================================================================",
            "Total params: 101,770",
            "Trainable params: 101,770",
            "Non-trainable params: 0",
            "----------------------------------------------------------------",
            "Activations: LeakyReLU(negative_slope=0.01), Softmax()",
            "----------------------------------------------------------------",
            "Input size (MB): 0.00",
            "Forward/backward pass size (MB): 0.00",
            "Params size (MB): 0.39",
            "Estimated Total Size (MB): 0.39",
            "----------------------------------------------------------------",
            "");

    private static final String MLP = String.join("\n",
            "----------------------------------------------------------------",
            "        Layer (type)               Output Shape         Param #",
            "================================================================",
            "           Flatten-1                  [-1, 784]               0",
            "             Dense-2                  [-1, 128]         100,480",
            "              ReLU-3                  [-1, 128]               0",
            "             Dense-4                   [-1, 64]           8,256",
            "              ReLU-5                   [-1, 64]               0",
            "             Dense-6                   [-1, 10]             650",
            "           Softmax-7                   [-1, 10]               0",
            "================================================================",
            "Total params: 109,386",
            "Trainable params: 109,386",
            "Non-trainable params: 0",
            "----------------------------------------------------------------",
            "Activations: ReLU(), Softmax()",
            "----------------------------------------------------------------",
            "Input size (MB): 0.00",
            "Forward/backward pass size (MB): 0.01",
            "Params size (MB): 0.42",
            "Estimated Total Size (MB): 0.43",
            "----------------------------------------------------------------",
            "");

    /** Millions (two separators), a learnable activation, and MB values with a visible decimal point. */
    private static final String WIDE = String.join("\n",
            "----------------------------------------------------------------",
            "        Layer (type)               Output Shape         Param #",
            "================================================================",
            "             Dense-1                 [-1, 2048]       2,099,200",
            "             PReLU-2                 [-1, 2048]           2,048",
            "             Dense-3                   [-1, 10]          20,490",
            "================================================================",
            "Total params: 2,121,738",
            "Trainable params: 2,121,738",
            "Non-trainable params: 0",
            "----------------------------------------------------------------",
            "Activations: PReLU(init=0.25, per_channel=true)",
            "----------------------------------------------------------------",
            "Input size (MB): 0.00",
            "Forward/backward pass size (MB): 0.03",
            "Params size (MB): 8.09",
            "Estimated Total Size (MB): 8.13",
            "----------------------------------------------------------------",
            "");

    /** No activation at all: no "Activations:" line or its rule. */
    private static final String NO_ACTIVATION = String.join("\n",
            "----------------------------------------------------------------",
            "        Layer (type)               Output Shape         Param #",
            "================================================================",
            "             Dense-1                    [-1, 2]              10",
            "================================================================",
            "Total params: 10",
            "Trainable params: 10",
            "Non-trainable params: 0",
            "----------------------------------------------------------------",
            "Input size (MB): 0.00",
            "Forward/backward pass size (MB): 0.00",
            "Params size (MB): 0.00",
            "Estimated Total Size (MB): 0.00",
            "----------------------------------------------------------------",
            "");

    /** The CNN paper's MNIST network: NHWC image rows, standalone activations and dropout rows. */
    private static final String MNIST_CNN = String.join("\n",
            "----------------------------------------------------------------",
            "        Layer (type)               Output Shape         Param #",
            "================================================================",
            "            Conv2d-1           [-1, 24, 24, 10]             260",
            "         MaxPool2d-2           [-1, 12, 12, 10]               0",
            "              ReLU-3           [-1, 12, 12, 10]               0",
            "            Conv2d-4             [-1, 8, 8, 20]           5,020",
            "    SpatialDropout-5             [-1, 8, 8, 20]               0",
            "         MaxPool2d-6             [-1, 4, 4, 20]               0",
            "              ReLU-7             [-1, 4, 4, 20]               0",
            "           Flatten-8                  [-1, 320]               0",
            "             Dense-9                   [-1, 50]          16,050",
            "             ReLU-10                   [-1, 50]               0",
            "          Dropout-11                   [-1, 50]               0",
            "            Dense-12                   [-1, 10]             510",
            "          Softmax-13                   [-1, 10]               0",
            "================================================================",
            "Total params: 21,840",
            "Trainable params: 21,840",
            "Non-trainable params: 0",
            "----------------------------------------------------------------",
            "Activations: ReLU(), Softmax()",
            "----------------------------------------------------------------",
            "Input size (MB): 0.00",
            "Forward/backward pass size (MB): 0.09",
            "Params size (MB): 0.08",
            "Estimated Total Size (MB): 0.18",
            "----------------------------------------------------------------",
            "");

    /**
     * Batch norm's row shows only gamma and beta (as torchsummary); its moving statistics are left out of every
     * total and get a line of their own.
     */
    private static final String BATCH_NORM = String.join("\n",
            "----------------------------------------------------------------",
            "        Layer (type)               Output Shape         Param #",
            "================================================================",
            "            Conv2d-1              [-1, 8, 8, 4]             112",
            "         BatchNorm-2              [-1, 8, 8, 4]               8",
            "              ReLU-3              [-1, 8, 8, 4]               0",
            "   GlobalAvgPool2d-4                    [-1, 4]               0",
            "             Dense-5                    [-1, 2]              10",
            "================================================================",
            "Total params: 130",
            "Trainable params: 130",
            "Non-trainable params: 0",
            "Non-parameter buffers (batch-norm moving statistics): 8",
            "----------------------------------------------------------------",
            "Activations: ReLU()",
            "----------------------------------------------------------------",
            "Input size (MB): 0.00",
            "Forward/backward pass size (MB): 0.01",
            "Params size (MB): 0.00",
            "Estimated Total Size (MB): 0.01",
            "----------------------------------------------------------------",
            "");

    private Locale saved;

    @BeforeEach
    void saveLocale() {
        saved = Locale.getDefault();
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    private static Sequential small() {
        return Sequential.of(input(784), dense(128).leakyRelu(0.01), dense(10).softmax());
    }

    private static Sequential mlp() {
        return Sequential.of(input(28, 28, 1), flatten(), dense(128).relu(), dense(64).relu(), dense(10).softmax());
    }

    private static Sequential wide() {
        return Sequential.of(input(1024), dense(2048).activation(new PRelu(0.25, true)), dense(10));
    }

    @Test
    void smallModelTable() {
        assertEquals(SMALL, small().summary().toString());
    }

    @Test
    void mlpPaperModelTable() {
        assertEquals(MLP, mlp().summary().toString());
    }

    @Test
    void millionsAndLearnableActivationTable() {
        assertEquals(WIDE, wide().summary().toString());
    }

    @Test
    void modelWithoutActivationsHasNoActivationsLine() {
        assertEquals(NO_ACTIVATION, Sequential.of(input(4), dense(2)).summary().toString());
    }

    @Test
    void textIsIdenticalUnderGermanAndOtherLocales() {
        for (Locale l : new Locale[] {Locale.GERMANY, Locale.FRANCE, new Locale("tr", "TR"),
                Locale.forLanguageTag("ar-EG-u-nu-arab"), Locale.forLanguageTag("hi-IN-u-nu-deva")}) {
            Locale.setDefault(l);
            assertEquals(SMALL, small().summary().toString(), l.toString());
            assertEquals(MLP, mlp().summary().toString(), l.toString());
            assertEquals(WIDE, wide().summary().toString(), l.toString());
        }
    }

    @Test
    void convolutionRowReadsLikeTorchsummaryInNhwc() {
        String text = Sequential.of(input(28, 28, 1), conv2d(10, 5)).summary().toString();
        String row = text.lines().filter(l -> l.contains("Conv2d-1")).findFirst().orElseThrow();
        assertEquals("            Conv2d-1           [-1, 24, 24, 10]             260", row);
        assertEquals("Conv2d-1 [-1, 24, 24, 10] 260", row.trim().replaceAll(" {2,}", " "));
    }

    @Test
    void mnistCnnPaperModelTable() {
        assertEquals(MNIST_CNN, PaperModels.mnistCnn(Activations.relu()).summary().toString());
    }

    @Test
    void batchNormRowShowsTrainableParamsAndBuffersGetTheirOwnLine() {
        Sequential model = Sequential.of(input(8, 8, 3), conv2d(4, 3).padding(1), batchNorm().relu(), globalAvgPool(),
                dense(2));
        assertEquals(BATCH_NORM, model.summary().toString());
    }

    @Test
    void vgg11TotalsMatchThePaper() {
        String text = PaperModels.cifar10Vgg11(Activations.relu()).summary().toString();
        assertTrue(text.contains("Total params: 9,231,114\nTrainable params: 9,231,114\nNon-trainable params: 0\n"
                + "Non-parameter buffers (batch-norm moving statistics): 5,504\n"), text);
        assertTrue(text.contains("         BatchNorm-2           [-1, 32, 32, 64]             128\n"), text);
    }

    @Test
    void usesOnlyUnixLineEndings() {
        assertFalse(wide().summary().toString().contains("\r"));
    }

    /** A JVM whose line separator is CRLF (as on Windows) must print the very same text. */
    @Test
    void textIsIdenticalWhenThePlatformLineSeparatorIsCrlf() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Dline.separator=\r\n", "-cp", System.getProperty("java.class.path"),
                PrintSummary.class.getName()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(out, StandardCharsets.UTF_8));
        assertEquals(SMALL, new String(out, StandardCharsets.UTF_8));
    }

    /** Prints the small model's summary for {@link #textIsIdenticalWhenThePlatformLineSeparatorIsCrlf()}. */
    static final class PrintSummary {
        public static void main(String[] args) {
            byte[] text = small().summary().toString().getBytes(StandardCharsets.UTF_8);
            System.out.write(text, 0, text.length);
            System.out.flush();
        }
    }

    @Test
    void repeatedActivationsAreListedOnceInFirstUseOrder() {
        Sequential model = Sequential.of(input(8), dense(8).relu(), Layers.leakyRelu(0.2), dense(8).relu(),
                dense(4).leakyRelu(0.2), dense(2).sigmoid());
        String text = model.summary().toString();
        assertEquals(1, text.lines().filter(l -> l.startsWith("Activations: ")).count());
        assertEquals("Activations: ReLU(), LeakyReLU(negative_slope=0.2), Sigmoid()",
                text.lines().filter(l -> l.startsWith("Activations: ")).findFirst().orElseThrow());
    }
}

package org.activationlab.dsl;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.flatten;
import static org.activationlab.dsl.Layers.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.activationlab.dsl.activations.PRelu;
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

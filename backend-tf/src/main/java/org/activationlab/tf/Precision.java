package org.activationlab.tf;

import java.util.Locale;

/** The floating-point precision of training. It changes the results, so a study records it. */
public enum Precision {
    /** 32-bit floats throughout. */
    FP32,
    /**
     * TensorFlow's automatic mixed precision: on a CPU with AVX512_BF16 or AMX, oneDNN runs matrix products and
     * convolutions in bfloat16 with float32 variables; on a GPU, TensorFlow's mixed precision graph rewrite.
     */
    BF16;

    /** {@code fp32} or {@code bf16}, as on the command line and in records. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The precision named {@code text} ({@code fp32} or {@code bf16}, any case).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Precision parse(String text) {
        for (Precision p : values()) {
            if (p.cliName().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("--precision must be fp32 or bf16, got '" + text + "'");
    }
}

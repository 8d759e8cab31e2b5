package org.activationlab.tf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/** Whether this machine can train in a {@link Precision}: bf16 needs a GPU or a CPU with bfloat16 instructions. */
public final class PrecisionSupport {

    /** CPU flags (as Linux names them in /proc/cpuinfo) with which oneDNN computes in bfloat16 natively. */
    static final Set<String> BF16_FLAGS = Set.of("avx512_bf16", "amx_bf16");
    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static Boolean cpuBf16;

    private PrecisionSupport() {
    }

    /**
     * Checks that {@code precision} can run on {@code device} (after resolving it).
     *
     * @throws IllegalArgumentException in one line naming what is missing and the fix
     */
    public static void require(Precision precision, Device device) {
        require(precision, device, cpuHasBf16());
    }

    static void require(Precision precision, Device device, boolean cpuHasBf16) {
        if (precision == Precision.BF16 && device != Device.GPU && !cpuHasBf16) {
            throw new IllegalArgumentException("--precision bf16 needs a GPU or a CPU with AVX512_BF16 or AMX"
                    + " (no avx512_bf16 or amx_bf16 flag in " + CPU_INFO + "); use --precision fp32");
        }
    }

    /** Whether the CPU has AVX512_BF16 or AMX (read once from /proc/cpuinfo; false where it cannot be read). */
    public static synchronized boolean cpuHasBf16() {
        if (cpuBf16 == null) {
            String text;
            try {
                text = Files.readString(CPU_INFO);
            } catch (IOException e) {
                text = "";
            }
            cpuBf16 = hasBf16Flag(text);
        }
        return cpuBf16;
    }

    /** Whether the "flags" lines of a /proc/cpuinfo text name a bfloat16 instruction set. */
    static boolean hasBf16Flag(String cpuInfo) {
        return cpuInfo.lines().filter(line -> line.startsWith("flags"))
                .flatMap(line -> SPACE.splitAsStream(line.substring(line.indexOf(':') + 1)))
                .anyMatch(BF16_FLAGS::contains);
    }
}

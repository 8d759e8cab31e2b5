package org.activationlab.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrecisionSupportTest {

    @Test
    void findsTheBf16FlagsOnlyInTheFlagsLines() {
        String sapphire = "processor\t: 0\nmodel name\t: Intel Xeon\nflags\t\t: fpu sse2 avx512f amx_bf16 amx_tile\n";
        String cooper = "processor\t: 0\nflags\t\t: fpu avx512f avx512_bf16 avx512_vnni\n";
        String skylake = "processor\t: 0\nmodel name\t: avx512_bf16 in a name is no flag\nflags\t\t: fpu avx512f"
                + " avx512_bf16x\nbugs\t\t: avx512_bf16\n";
        assertTrue(PrecisionSupport.hasBf16Flag(sapphire));
        assertTrue(PrecisionSupport.hasBf16Flag(cooper));
        assertFalse(PrecisionSupport.hasBf16Flag(skylake));
        assertFalse(PrecisionSupport.hasBf16Flag(""));
    }

    @Test
    void fp32RunsEverywhereAndBf16OnAGpu() {
        PrecisionSupport.require(Precision.FP32, Device.CPU);
        PrecisionSupport.require(Precision.BF16, Device.GPU);
    }

    @Test
    void bf16OnACpuWithoutTheFlagsIsRefusedInOneLineNamingTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PrecisionSupport.require(Precision.BF16, Device.CPU, false));
        assertEquals("--precision bf16 needs a GPU or a CPU with AVX512_BF16 or AMX (no avx512_bf16 or amx_bf16 flag"
                + " in /proc/cpuinfo); use --precision fp32", e.getMessage());
        PrecisionSupport.require(Precision.BF16, Device.CPU, true);
        PrecisionSupport.require(Precision.BF16, Device.GPU, false);
        PrecisionSupport.require(Precision.FP32, Device.CPU, false);
    }

    @Test
    void parsesTheCommandLineNames() {
        assertEquals(Precision.BF16, Precision.parse(" BF16 "));
        assertEquals(Precision.FP32, Precision.parse("fp32"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Precision.parse("fp16"));
        assertEquals("--precision must be fp32 or bf16, got 'fp16'", e.getMessage());
    }
}

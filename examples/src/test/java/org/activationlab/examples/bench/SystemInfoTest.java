package org.activationlab.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SystemInfoTest {

    @Test
    void parsesPeakRssFromProcStatus() {
        String status = "Name:\tjava\nVmPeak:\t 9999 kB\nVmHWM:\t  123456 kB\nVmRSS:\t  100000 kB\n";
        assertEquals(OptionalLong.of(123456), SystemInfo.parseStatusKb(status, "VmHWM"));
        assertEquals(OptionalLong.empty(), SystemInfo.parseStatusKb("Name:\tjava\n", "VmHWM"));
    }

    @Test
    void parsesTheFirstCpuModelName() {
        String cpuinfo = "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel\t\t: 85\n"
                + "model name\t: Intel(R) Xeon(R)  CPU @ 2.20GHz\n\nprocessor\t: 1\nmodel name\t: other\n";
        assertEquals("Intel(R) Xeon(R) CPU @ 2.20GHz", SystemInfo.parseCpuModel(cpuinfo));
        assertNull(SystemInfo.parseCpuModel("processor\t: 0\nBogoMIPS\t: 50.00\n"));
    }
}

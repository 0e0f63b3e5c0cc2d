package org.priorkit.pretrain;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class BenchmarkTest {

    @Test
    void reportsEveryFigureForEveryStage() {
        Benchmark.Report r = Benchmark.run(PriorObjectiveTest.micro(), 1, 2, 1, Device.cpu());
        assertEquals(3, r.stages().size());
        assertEquals(3, r.loaded().size()); // timed again under the load
        r.loaded().forEach(s -> assertTrue(s.medianMs() > 0, s.toString()));
        assertTrue(r.toString().contains("1 busy threads compete") && r.toString().contains("x slower"), r.toString());
        assertTrue(r.threads().contains("PyTorch thread"), r.threads());
        r.stages().forEach(s -> assertTrue(s.medianMs() > 0 && s.imagesPerSecond() > 0, s.toString()));
        assertTrue(r.hungarianMs() > 0 && r.hungarianShareOfStage3() > 0, r.toString());
        assertEquals(2, r.rssMbEvery().length); // 2 memory steps, sampled every step
        assertTrue(r.batchedLocalMs() > 0 && r.naiveLocalMs() > 0);
        assertTrue(r.toString().contains("speedup"));
    }

    @Test
    void busyLoadSpinsUntilClosed() {
        BusyLoad load = new BusyLoad(2);
        assertEquals(2, load.alive());
        load.close();
        assertEquals(0, load.alive());
        assertThrows(IllegalArgumentException.class, () -> new BusyLoad(-1));
    }
}

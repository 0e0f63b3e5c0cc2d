package org.priorkit.model;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class BenchmarkTest {

    @Test
    void reportsEveryFigureForEveryStage() {
        Benchmark.Report r = Benchmark.run(PriorModelTest.micro(), 2, 4, Device.cpu());
        assertEquals(3, r.stages().size());
        r.stages().forEach(s -> assertTrue(s.medianMs() > 0 && s.imagesPerSecond() > 0, s.toString()));
        assertTrue(r.hungarianMs() > 0 && r.hungarianShareOfStage3() > 0, r.toString());
        assertEquals(4, r.rssMbEvery().length); // 4 memory steps, sampled every step
        assertTrue(r.batchedLocalMs() > 0 && r.naiveLocalMs() > 0);
        assertTrue(r.toString().contains("speedup"));
    }
}

package org.priorkit.pretrain;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class BenchmarkTest {

    @Test
    void reportsEveryFigureForEveryStage() {
        Benchmark.Report r = Benchmark.run(PriorObjectiveTest.micro(), 1, 2, Device.cpu());
        assertEquals(3, r.stages().size());
        r.stages().forEach(s -> assertTrue(s.medianMs() > 0 && s.imagesPerSecond() > 0, s.toString()));
        assertTrue(r.hungarianMs() > 0 && r.hungarianShareOfStage3() > 0, r.toString());
        assertEquals(2, r.rssMbEvery().length); // 2 memory steps, sampled every step
        assertTrue(r.batchedLocalMs() > 0 && r.naiveLocalMs() > 0);
        assertTrue(r.toString().contains("speedup"));
    }
}

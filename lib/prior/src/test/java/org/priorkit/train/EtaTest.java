package org.priorkit.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EtaTest {

    @Test
    void remainingTimeIsTheMeanStepTimeTimesTheStepsLeft() {
        // 10 steps in 5 s: 0.5 s a step, 90 steps left -> 45 s
        assertEquals("ETA 45s", Eta.of(5_000_000_000L, 10, 100));
        assertEquals("ETA 0s", Eta.of(5_000_000_000L, 100, 100));
        assertEquals("ETA ?", Eta.of(0, 0, 100));
    }

    @Test
    void durationsReadAsMinutesAndHours() {
        assertEquals("59s", Eta.duration(59.4));
        assertEquals("3m12s", Eta.duration(192));
        assertEquals("1h05m", Eta.duration(3900));
    }
}

package org.priorkit.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LearningRateScheduleTest {

    @Test
    void warmupRisesLinearlyToThePeak() {
        assertEquals(0.25, LearningRateSchedule.at(0, 10, 4, 1.0), 1e-12);
        assertEquals(0.50, LearningRateSchedule.at(1, 10, 4, 1.0), 1e-12);
        assertEquals(1.00, LearningRateSchedule.at(3, 10, 4, 1.0), 1e-12);
    }

    @Test
    void cosineDecaysFromThePeakToZero() {
        assertEquals(1.0, LearningRateSchedule.at(4, 10, 4, 1.0), 1e-12); // start of the cosine
        assertEquals(0.5, LearningRateSchedule.at(7, 10, 4, 1.0), 1e-12); // halfway: cos(pi/2) = 0
        assertEquals(0.5 * (1 + Math.cos(Math.PI * 5 / 6)), LearningRateSchedule.at(9, 10, 4, 1.0), 1e-12);
        assertEquals(0.0, LearningRateSchedule.at(10, 10, 4, 1.0), 0);
        double previous = Double.MAX_VALUE;
        for (int t = 4; t < 10; t++) {
            double lr = LearningRateSchedule.at(t, 10, 4, 2e-4);
            assertTrue(lr < previous, "not decreasing at " + t);
            previous = lr;
        }
    }

    @Test
    void noWarmupStartsAtThePeak() {
        assertEquals(3e-4, LearningRateSchedule.at(0, 5, 0, 3e-4), 1e-18);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.at(0, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.at(0, 5, 6, 1));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.at(-1, 5, 1, 1));
    }
}

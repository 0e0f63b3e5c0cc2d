package org.priorkit.train;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StepProgressTest {

    @Test
    void aLineEveryFewSecondsWithRateAndEtaAndNoneForAShortLoop() {
        long[] now = {0};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StepProgress p = new StepProgress("fine-tuning", 10, new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> now[0]);
        for (int step = 1; step <= 10; step++) {
            now[0] = step * 2_000_000_000L; // 2 s a step
            p.step(step, 0.5);
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        // due once 5 s have passed since the last line (steps 3, 6 and 9), and the last step of a long loop
        assertEquals(4, lines.length, String.join("\n", lines));
        assertEquals("fine-tuning: step 3/10, loss 0.5000, 0.5 steps/s, ETA 14s", lines[0].strip());
        assertTrue(lines[3].strip().startsWith("fine-tuning: step 10/10"), lines[3]);

        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        long[] t = {0};
        StepProgress shortLoop = new StepProgress("x", 3, new PrintStream(quiet, true, StandardCharsets.UTF_8), () -> t[0]);
        for (int step = 1; step <= 3; step++) {
            t[0] = step * 1_000_000_000L;
            shortLoop.step(step, 1);
        }
        assertEquals("", quiet.toString(StandardCharsets.UTF_8), "a 3-second loop prints nothing");
    }
}

package org.priorkit.kernel;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PriorKernelTest {

    @Test
    void headerDatesAreReadWithOrWithoutAZone() {
        Instant t = Instant.parse("2026-12-06T15:06:32.431374Z");
        assertEquals(Optional.of(t), PriorKernel.sentAt("2026-12-06T15:06:32.431374Z"));
        assertEquals(Optional.of(t), PriorKernel.sentAt("2026-12-06T15:06:32.431374+00:00"));
        assertEquals(Optional.of(t), PriorKernel.sentAt("2026-12-06T15:06:32.431374"));
        assertEquals(Optional.empty(), PriorKernel.sentAt("yesterday"));
    }
}

package org.priorkit.device;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThreadsTest {

    @Test
    void oneTorchThreadUnlessTheUserChose() {
        assertEquals(Optional.of("1"), Threads.kitDefault(Map.of(), null));
        assertEquals(Optional.empty(), Threads.kitDefault(Map.of("OMP_NUM_THREADS", "4"), null));
        assertEquals(Optional.empty(), Threads.kitDefault(Map.of(), "2"));
    }
}

package org.priorkit.kernel;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MainTest {

    @Test
    void notebooksGetOneTorchThreadUnlessTheUserChose() {
        assertEquals(Optional.of("1"), Main.torchThreadsDefault(Map.of(), null));
        assertEquals(Optional.empty(), Main.torchThreadsDefault(Map.of("OMP_NUM_THREADS", "4"), null));
        assertEquals(Optional.empty(), Main.torchThreadsDefault(Map.of(), "2"));
    }

    @Test
    void theLoggerPrefixIsSlf4jSimplesOwn() {
        assertEquals("org.slf4j.simpleLogger.log.", Main.SIMPLE_LOGGER_LEVEL);
    }
}

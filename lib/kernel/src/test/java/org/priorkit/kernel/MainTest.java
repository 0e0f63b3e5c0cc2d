package org.priorkit.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MainTest {

    @Test
    void theLoggerPrefixIsSlf4jSimplesOwn() {
        assertEquals("org.slf4j.simpleLogger.log.", Main.SIMPLE_LOGGER_LEVEL);
    }
}

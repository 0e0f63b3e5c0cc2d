package org.priorkit.device;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DevicesTest {

    @Test
    void autoFallsBackToCpuWithOneLine() {
        List<String> lines = new ArrayList<>();
        assertEquals(Device.cpu(), Devices.resolve("auto", 0, lines::add));
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("CPU"));
    }

    @Test
    void autoPicksFirstGpuWhenPresent() {
        List<String> lines = new ArrayList<>();
        assertEquals(Device.gpu(0), Devices.resolve("AUTO", 2, lines::add));
        assertTrue(lines.isEmpty());
    }

    @Test
    void explicitChoices() {
        assertEquals(Device.cpu(), Devices.resolve("cpu", 4, s -> {}));
        assertEquals(Device.gpu(0), Devices.resolve("gpu", 1, s -> {}));
        assertEquals(Device.gpu(1), Devices.resolve("gpu:1", 2, s -> {}));
        assertEquals(Device.gpu(1), Devices.resolve("cuda:1", 2, s -> {}));
        assertEquals(Device.cpu(), Devices.resolve(null, 0, s -> {}));
    }

    @Test
    void badSpecsNameTheProblem() {
        IllegalArgumentException missing =
                assertThrows(IllegalArgumentException.class, () -> Devices.resolve("gpu:1", 1, s -> {}));
        assertTrue(missing.getMessage().contains("sees 1 GPU"));
        assertThrows(IllegalArgumentException.class, () -> Devices.resolve("gpu:x", 1, s -> {}));
        assertThrows(IllegalArgumentException.class, () -> Devices.resolve("gpu:-1", 1, s -> {}));
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> Devices.resolve("tpu", 1, s -> {}));
        assertTrue(unknown.getMessage().contains("auto, cpu, gpu"));
    }

    @Test
    void resolvesOnTheRealEngine() {
        Device d = Devices.resolve("auto");
        assertNotNull(d);
        assertTrue(Devices.describe(d).startsWith("PyTorch"));
    }

    @Test
    void useSetsTheProcessWideDevice() {
        try {
            Devices.use(Device.cpu());
            assertEquals(Device.cpu(), Devices.current());
        } finally {
            Devices.use(null);
        }
        assertEquals(ai.djl.engine.Engine.getInstance().defaultDevice(), Devices.current());
    }

    @Test
    void severalDevicesForDataParallelPretraining() {
        assertEquals(List.of(Device.gpu(0), Device.gpu(1), Device.gpu(2)), Devices.resolveAll("gpus", 3, s -> {}));
        assertEquals(List.of(Device.gpu(1), Device.gpu(0)), Devices.resolveAll("gpu:1, gpu:0", 2, s -> {}));
        assertEquals(List.of(Device.cpu()), Devices.resolveAll("auto", 0, s -> {}));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> Devices.resolveAll("gpus", 0, s -> {}));
        assertTrue(none.getMessage().contains("no GPU"), none.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> Devices.resolveAll("gpu:0,gpu:0", 2, s -> {}));
        assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Devices.resolveAll("gpu:0,gpu:3", 2, s -> {}));
    }
}

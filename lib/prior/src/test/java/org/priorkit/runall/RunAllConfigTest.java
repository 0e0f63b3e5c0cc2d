package org.priorkit.runall;

import org.junit.jupiter.api.Test;
import org.priorkit.data.split.DataFraction;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** run-all's settings travel to the second lane as key=value arguments; nothing may change on the way. */
class RunAllConfigTest {

    @Test
    void argumentsRoundTrip() {
        RunAllConfig c = new RunAllConfig(Path.of("/d/data"), Path.of("/d/out"), "tiny", 3, 7,
                List.of(DataFraction.ONE_PERCENT, DataFraction.parse("12.5%"), DataFraction.ALL), List.of(1L, 2L, 3L),
                List.of(42L, 43L), 40, true, "cpu", 2);
        assertEquals(c, RunAllConfig.fromArgs(c.toArgs()));
        RunAllConfig noEpochs = RunAllConfig.defaults().withData(Path.of("/x")).withOut(Path.of("/y")).withLanes(1);
        assertEquals(noEpochs, RunAllConfig.fromArgs(noEpochs.toArgs()));
    }

    @Test
    void eachPretrainingSeedGetsItsOwnJobAndFolder() {
        RunAllConfig c = RunAllConfig.defaults().withPretrainSeeds(List.of(42L, 43L, 44L));
        assertEquals(List.of(42L), c.forPretrainSeed(42).pretrainSeeds());
        assertEquals(c.out(), c.forPretrainSeed(42).out(), "the first seed's runs stay where a one-seed run puts them");
        assertEquals(c.out().resolve("pretrain-seed-43"), c.forPretrainSeed(43).out());
        assertEquals(43, Ladder.of(c.forPretrainSeed(43)).preset().seed());
        assertThrows(IllegalArgumentException.class, () -> c.withPretrainSeeds(List.of(42L, 42L)));
    }

    @Test
    void relativePathsBecomeAbsoluteForTheChild() {
        RunAllConfig c = RunAllConfig.defaults(); // data/synthetic, runs/run-all
        RunAllConfig back = RunAllConfig.fromArgs(c.toArgs());
        assertTrue(back.data().isAbsolute() && back.out().isAbsolute());
        assertEquals(c.data().toAbsolutePath(), back.data());
    }

    @Test
    void badArgumentsAreNamed() {
        List<String> args = new ArrayList<>(RunAllConfig.defaults().toArgs());
        args.removeIf(a -> a.startsWith("seeds="));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunAllConfig.fromArgs(args))
                .getMessage().contains("'seeds' is missing"));
        List<String> extra = new ArrayList<>(RunAllConfig.defaults().toArgs());
        extra.add("speed=11");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunAllConfig.fromArgs(extra))
                .getMessage().contains("unknown run-all argument 'speed'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunAllConfig.fromArgs(List.of("lanes")))
                .getMessage().contains("'lanes' is not key=value"));
        assertThrows(IllegalArgumentException.class, () -> RunAllConfig.defaults().withLanes(3));
    }
}

package org.priorkit.tasks;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import org.priorkit.config.PriorConfig;
import org.priorkit.data.synth.SyntheticConfig;
import org.priorkit.data.synth.SyntheticGenerator;
import org.priorkit.nn.StateDict;
import org.priorkit.pretrain.PriorObjectiveTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared fixtures of the task tests: one tiny synthetic tree per JVM and a micro model config. */
public final class TaskFixtures {

    private static Path tiny;

    private TaskFixtures() {}

    /** SyntheticConfig.tiny() generated once per test JVM into a temporary folder (about a second). */
    public static synchronized Path tinyData() {
        if (tiny == null) {
            try {
                Path dir = Files.createTempDirectory("prior-tasks-tiny");
                dir.toFile().deleteOnExit();
                SyntheticGenerator.generate(SyntheticConfig.tiny(), dir);
                tiny = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tiny;
    }

    /** A very small PRIOR (as PriorObjectiveTest.micro()): ResNet-18 at 1/8 width on 64 px, D 32, K 8. */
    public static PriorConfig micro() {
        return PriorObjectiveTest.micro();
    }

    /** A copy of every parameter value of {@code block}, by name. */
    public static Map<String, float[]> values(Block block) {
        Map<String, float[]> out = new LinkedHashMap<>();
        StateDict.named(block).forEach((k, p) -> {
            NDArray a = p.getArray();
            out.put(k, a.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray());
        });
        return out;
    }
}

package org.priorkit.tasks.dense;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import org.priorkit.config.PriorConfig;
import org.priorkit.data.synth.SyntheticConfig;
import org.priorkit.data.synth.SyntheticGenerator;
import org.priorkit.nn.StateDict;
import org.priorkit.pretrain.PriorObjectiveTest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared fixtures of the dense-task tests. */
public final class DenseTesting {

    private DenseTesting() {}

    /**
     * The same very small PRIOR as {@code PriorObjectiveTest.micro()}: ResNet-18 at 1/8 width (stage
     * channels 8, 16, 32, 64) on 64 px, 1-layer BERT 32 wide, D 32.
     */
    public static PriorConfig micro() {
        return PriorObjectiveTest.micro();
    }

    /** {@code SyntheticConfig.tiny()} (12 SIIM and 12 RSNA images at 64 px, half positive) under {@code dir}. */
    public static Path tinySet(Path dir) throws IOException {
        SyntheticGenerator.generate(SyntheticConfig.tiny(), dir);
        return dir;
    }

    /** A copy of every parameter's values (incl. BatchNorm running statistics), by name. */
    public static Map<String, float[]> snapshot(Block block) {
        Map<String, float[]> out = new LinkedHashMap<>();
        StateDict.named(block).forEach((k, p) -> {
            NDArray a = p.getArray();
            out.put(k, a.toFloatArray());
        });
        return out;
    }

    /** Names of the parameters whose values differ between two snapshots. */
    public static java.util.List<String> changed(Map<String, float[]> before, Map<String, float[]> after) {
        return before.keySet().stream().filter(k -> !java.util.Arrays.equals(before.get(k), after.get(k))).toList();
    }
}

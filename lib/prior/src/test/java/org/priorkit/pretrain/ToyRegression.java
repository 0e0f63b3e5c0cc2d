package org.priorkit.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import org.priorkit.config.LossTerm;
import org.priorkit.config.PriorConfig;
import org.priorkit.config.StageConfig;
import org.priorkit.train.SampleSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A tiny objective for trainer tests: y = x . w* + noise, learned by a Linear(4 -> 1) block, with
 * two named terms ("global" = MSE, "local_image" = L1) so stages can weight them differently.
 * {@link #main} runs it as a separate process for the kill -9 test.
 */
final class ToyRegression implements Objective<ToyRegression.Batch> {

    /** Inputs (B, 4) and targets (B, 1). */
    record Batch(NDArray x, NDArray y) {}

    private final Block block;
    private final int failAtGlobalCall; // simulate a crash at this call (-1: never)
    private int calls;

    ToyRegression(NDManager manager, int failAtGlobalCall) {
        this.block = new SequentialBlock().add(Linear.builder().setUnits(1).build());
        manager.getEngine().setRandomSeed(11);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
        this.failAtGlobalCall = failAtGlobalCall;
    }

    @Override
    public Block block() {
        return block;
    }

    @Override
    public Map<LossTerm, NDArray> losses(ParameterStore ps, Batch batch, StageConfig stage, boolean training) {
        if (calls++ == failAtGlobalCall) {
            throw new IllegalStateException("simulated crash");
        }
        NDArray pred = block.forward(ps, new NDList(batch.x()), training).singletonOrThrow(); // (B, 1)
        NDArray diff = pred.sub(batch.y());
        return Map.of(LossTerm.GLOBAL, diff.square().mean(), LossTerm.LOCAL_IMAGE, diff.abs().mean());
    }

    /** 96 samples of y = x . (1, -2, 3, 0.5) + 0.01 noise, fixed by a seed. */
    static SampleSource<Batch> data() {
        float[][] xs = new float[96][4];
        float[] ys = new float[96];
        Random r = new Random(5);
        float[] w = {1, -2, 3, 0.5f};
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < 4; j++) {
                xs[i][j] = (float) r.nextGaussian();
                ys[i] += xs[i][j] * w[j];
            }
            ys[i] += 0.01f * (float) r.nextGaussian();
        }
        return new SampleSource<>() {
            @Override
            public long size() {
                return xs.length;
            }

            @Override
            public Batch batch(NDList stacked) {
                return new Batch(stacked.get(0), stacked.get(1));
            }

            @Override
            public NDList get(NDManager m, long index, long seed) {
                int i = (int) index;
                return new NDList(m.create(xs[i]), m.create(new float[] {ys[i]}));
            }
        };
    }

    static PriorConfig config(int epochsPerStage) {
        return PriorConfig.tiny().withBatchSize(16).withStages(List.of( // 96 samples: 6 batches an epoch
                new StageConfig("align", epochsPerStage, 0.3, 1, 1e-4, Map.of("global", 1.0), false),
                new StageConfig("prototype", epochsPerStage, 0.1, 0, 1e-4, Map.of("global", 1.0, "local_image", 0.5), true)));
    }

    /** args: runDir epochsPerStage checkpointEvery. */
    public static void main(String[] args) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            ToyRegression toy = new ToyRegression(m, -1);
            TrainOptions opts = new TrainOptions(Path.of(args[0]), Integer.parseInt(args[2]), 1, 2, 0, false, 1_000_000);
            StageTrainer.run(toy, data(), config(Integer.parseInt(args[1])), opts, m);
        }
        System.out.println("DONE");
    }
}

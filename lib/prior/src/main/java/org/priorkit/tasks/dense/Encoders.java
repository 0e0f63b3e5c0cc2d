package org.priorkit.tasks.dense;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.priorkit.config.PriorConfig;
import org.priorkit.model.PriorModel;
import org.priorkit.pretrain.PretrainJob;
import org.priorkit.pretrain.RunFolder;
import org.priorkit.pretrain.StageTrainer;
import org.priorkit.tasks.TaskModel;
import org.priorkit.vision.ResNet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a dense task's image encoder comes from, and how its stage maps are read.
 *
 * <p>A model is either randomly initialised (the ablation's "random-init" rung) or loaded from a
 * pretraining run: a run folder (its {@code last.ckpt} is used) or one checkpoint file inside it
 * (e.g. {@code stage-1-align.ckpt}). The checkpoint records its preset; the run folder's
 * {@code vocab.txt} sizes the text encoder, so the whole PRIOR model loads strictly (every
 * parameter must match) before the tasks use only its ResNet.
 */
public final class Encoders {

    private Encoders() {}

    /** A randomly initialised model of {@code config} (seeded by {@code config.seed()}). */
    public static PriorModel random(PriorConfig config, NDManager manager) {
        return PriorModel.create(config, manager);
    }

    /**
     * A model with a pretraining run's weights. {@code runDirOrCheckpoint} is a run folder (uses
     * last.ckpt) or a .ckpt file; the preset named in the checkpoint gives the architecture and the
     * run's vocab.txt the text encoder's size (as {@link TaskModel#load} reads every checkpoint).
     */
    public static PriorModel load(Path runDirOrCheckpoint, NDManager manager) throws IOException {
        return TaskModel.load(checkpointOf(runDirOrCheckpoint), manager).model();
    }

    /** A model of {@code config} (already sized to its vocabulary) with a checkpoint's weights. */
    public static PriorModel load(Path runDirOrCheckpoint, PriorConfig config, NDManager manager) throws IOException {
        return PretrainJob.load(checkpointOf(runDirOrCheckpoint), config, manager);
    }

    /** The checkpoint a path names: itself if a file, else {@code last.ckpt} in the folder. */
    public static Path checkpointOf(Path runDirOrCheckpoint) throws IOException {
        if (Files.isRegularFile(runDirOrCheckpoint)) {
            return runDirOrCheckpoint;
        }
        Path last = runDirOrCheckpoint.resolve(RunFolder.LAST);
        if (!Files.isRegularFile(last)) {
            throw new IOException("no checkpoint: " + runDirOrCheckpoint + " is neither a .ckpt file nor a run folder"
                    + " holding " + RunFolder.LAST);
        }
        return last;
    }

    /** The model's ResNet (the kit's own: dense tasks need its four stage maps). */
    public static ResNet backbone(PriorModel model) {
        Block b = model.imageEncoder().getBackbone();
        if (b instanceof ResNet r) {
            return r;
        }
        throw new IllegalArgumentException("dense tasks need the kit's ResNet backbone (C2..C5 maps), not "
                + b.getClass().getSimpleName());
    }

    /**
     * The four stage maps [C2, C3, C4, C5] of {@code images} (B, 1, H, W). FROZEN: inference mode
     * (BatchNorm running statistics, not updated) and every map cut from the gradient graph;
     * FINE_TUNE: {@code training} as given.
     */
    public static NDList features(ParameterStore ps, ResNet backbone, NDArray images, EncoderMode mode,
                                  boolean training) {
        if (mode.trainsEncoder()) {
            return backbone.features(ps, images, training);
        }
        NDList maps = backbone.features(ps, images, false);
        NDList cut = new NDList(maps.size());
        for (NDArray m : maps) {
            cut.add(m.stopGradient());
        }
        maps.close();
        return cut;
    }
}

package org.priorkit.nn;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A TorchScript file ({@code torch.jit.trace}/{@code script} + {@code save}) as a DJL block, loaded
 * from a local path only (no model zoo, no download), so an exported PyTorch encoder can stand in
 * for the kit's own.
 *
 * <p>The module becomes child {@code module} (a DJL {@code PtSymbolBlock}); its parameters appear
 * under {@code module.<torch name>} and are trainable through DJL. {@code training} switches the
 * module between {@code train()} and {@code eval()} (BatchNorm statistics, dropout). Inputs and
 * outputs are passed through unchanged; the vision/text adapters check the kit's contracts.
 *
 * <p>Close it (or the model that owns it) to free the native module.
 */
public final class TorchScriptBlock extends AbstractBlock implements AutoCloseable {

    private final Model model;
    private final Block module;

    private TorchScriptBlock(Model model) {
        this.model = model;
        this.module = addChildBlock("module", model.getBlock());
    }

    /**
     * Loads {@code file} on the CPU with the PyTorch engine ({@code mapLocation}, so files saved on a
     * GPU load too).
     */
    public static TorchScriptBlock load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no TorchScript file at " + file.toAbsolutePath());
        }
        Model model = Model.newInstance(file.getFileName().toString(), "PyTorch");
        try {
            model.load(file, null, Map.of("mapLocation", "true"));
            return new TorchScriptBlock(model);
        } catch (IOException e) {
            model.close();
            throw new UncheckedIOException("cannot read TorchScript file " + file, e);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalArgumentException("not a loadable TorchScript file: " + file + " (" + e.getMessage() + ")", e);
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return module.forward(ps, inputs, training);
    }

    /** Shapes found by running the module once on ones (DJL's PtSymbolBlock does this). */
    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return module.getOutputShapes(in);
    }

    /** Nothing to initialise: the weights come from the file. */
    @Override
    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
        // the TorchScript module is already initialised
    }

    @Override
    public void close() {
        model.close();
    }
}

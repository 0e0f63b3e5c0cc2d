package org.priorkit.align;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import org.priorkit.nn.Scalars;

/**
 * A learnable logit scale for InfoNCE: one scalar parameter {@code logit_scale}, initialised to
 * {@code log(1 / temperature)}; the block returns {@code exp(logit_scale)} (shape {@code ()}).
 *
 * <p>PRIOR uses temperature 0.01 for both the global loss and the local text loss (scale 100).
 * CLIP additionally caps the scale at 100 ({@code logit_scale <= log(100)}); {@link
 * Builder#optMaxScale(double)} turns such a cap on. Note that with PRIOR's initial temperature 0.01
 * the parameter starts exactly at CLIP's cap, so a cap of 100 only lets the scale decrease. The cap
 * is applied in the forward pass ({@code clamp}, no gradient while the parameter is above it) rather
 * than by editing the parameter after each optimiser step, so the block stays stateless.
 */
public final class LearnableTemperature extends AbstractBlock {

    private final Parameter logitScale;
    private final double maxLogScale;

    private LearnableTemperature(Builder b) {
        this.maxLogScale = Math.log(b.maxScale);
        logitScale = addParameter(Parameter.builder()
                .setName("logit_scale")
                .setType(Parameter.Type.OTHER)
                .optShape(new Shape())
                .optInitializer(new ConstantInitializer((float) Math.log(1.0 / b.temperature)))
                .build());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code exp(logit_scale)}, clamped if a cap is set; shape {@code ()}. */
    public NDArray scale(ParameterStore ps, Device device, boolean training) {
        NDArray parameter = ps.getValue(logitScale, device, training); // ()
        // Results belong to the first operand's manager: use the step's (the store's), not the model's.
        NDArray logScale = ps.getManager().zeros(new Shape(), parameter.getDataType(), device).add(parameter); // ()
        if (Double.isFinite(maxLogScale)) {
            logScale = logScale.clip(Scalars.like(logScale, -Float.MAX_VALUE), Scalars.like(logScale, maxLogScale));
        }
        return logScale.exp(); // ()
    }

    /** Inputs are ignored (may be empty); returns the scale as a singleton list. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        Device device = inputs.isEmpty() ? logitScale.getArray().getDevice() : inputs.head().getDevice();
        return new NDList(scale(ps, device, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape()};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {}

    public static final class Builder {
        private double temperature = 0.01;
        private double maxScale = Double.POSITIVE_INFINITY;

        private Builder() {}

        /** Initial temperature (paper: 0.01), i.e. initial scale {@code 1 / temperature}. */
        public Builder optInitialTemperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        /** Caps the scale, as CLIP does with 100; default: no cap. */
        public Builder optMaxScale(double maxScale) {
            this.maxScale = maxScale;
            return this;
        }

        public LearnableTemperature build() {
            if (!(temperature > 0)) {
                throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
            }
            if (!(maxScale > 0)) {
                throw new IllegalArgumentException("maxScale must be > 0, got " + maxScale);
            }
            return new LearnableTemperature(this);
        }
    }
}

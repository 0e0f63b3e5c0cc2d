package org.priorkit.data.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.nio.file.Path;

/**
 * File to model input: read (by extension), resize to {@code height x width} ({@link Resize}, the
 * antialiased filter pretraining uses, so every task sees the pixels pretraining saw), normalise,
 * and wrap as a {@code (1, H, W)} float array. Immutable and thread-safe.
 *
 * <p>The resize ignores aspect ratio, as "resize 224" on the nearly square CXR crops does in the
 * paper's pipeline; random crops and flips belong to augmentation, not here.
 *
 * @param sources readers by file extension
 * @param height output rows
 * @param width output columns
 * @param normalization applied after the resize
 */
public record ImageLoader(ImageSources sources, int height, int width, Normalization normalization) {

    public ImageLoader {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("output size must be positive, got " + height + "x" + width);
        }
    }

    /** PNG/JPEG readers, square {@code size}, the paper's normalisation. */
    public static ImageLoader square(int size) {
        return new ImageLoader(ImageSources.defaults(), size, size, Normalization.PRIOR);
    }

    /** Same settings with other readers (e.g. DICOM plugged in). */
    public ImageLoader withSources(ImageSources other) {
        return new ImageLoader(other, height, width, normalization);
    }

    /** The file as read, values in [0, 1], original size. */
    public GrayImage readRaw(Path file) {
        return sources.read(file);
    }

    /** Resized and normalised pixels, row-major, {@code height * width} values. */
    public float[] load(Path file) {
        return prepare(readRaw(file));
    }

    /** Resizes and normalises an already read image. */
    public float[] prepare(GrayImage raw) {
        return normalization.apply(new Resize(height, width).apply(raw).pixels());
    }

    /** Resized, normalised image as a {@code (1, H, W)} float32 array on {@code manager}. */
    public NDArray toNDArray(NDManager manager, GrayImage raw) {
        return manager.create(prepare(raw), new Shape(1, height, width));
    }
}

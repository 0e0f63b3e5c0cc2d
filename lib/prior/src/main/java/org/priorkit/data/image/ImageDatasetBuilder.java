package org.priorkit.data.image;

import ai.djl.training.dataset.RandomAccessDataset;
import org.priorkit.data.BadRecords;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Settings every image dataset of the kit shares: the records, how images are loaded, and whether
 * records with unreadable images are skipped (decoded once at {@code build()}) or fail when
 * fetched. Plus DJL's sampling settings from {@link RandomAccessDataset.BaseBuilder}.
 *
 * @param <R> record type
 * @param <B> the concrete builder
 */
public abstract class ImageDatasetBuilder<R, B extends ImageDatasetBuilder<R, B>>
        extends RandomAccessDataset.BaseBuilder<B> {

    /** The paper's input size. */
    public static final int DEFAULT_SIZE = 224;

    protected List<R> records;
    protected ImageLoader images = ImageLoader.square(DEFAULT_SIZE);
    protected boolean skipBadImages;

    /** The records to serve (required). */
    public B setRecords(List<R> records) {
        this.records = List.copyOf(records);
        return self();
    }

    /** Reader, output size and normalisation (default: PNG/JPEG, 224x224, paper statistics). */
    public B optImageLoader(ImageLoader images) {
        this.images = images;
        return self();
    }

    /** Decode all images at build time and drop the unreadable ones (default: fail when fetched). */
    public B optSkipBadImages(boolean skip) {
        this.skipBadImages = skip;
        return self();
    }

    /** The configured image loader. */
    public ImageLoader imageLoader() {
        return images;
    }

    /** Validates the settings and, when skipping, filters the records; skips land in {@code bad}. */
    List<R> usableRecords(Function<R, Path> imageOf, BadRecords bad) {
        if (records == null) {
            throw new IllegalStateException("setRecords(...) is required");
        }
        if (getSampler() == null) {
            throw new IllegalStateException("setSampling(batchSize, shuffle) is required");
        }
        return skipBadImages ? ReadableImages.filter(records, imageOf, images, bad) : records;
    }
}

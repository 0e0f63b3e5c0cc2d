package org.priorkit.data.image;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.util.Progress;
import org.priorkit.data.BadRecords;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Base of the kit's datasets: an immutable list of records, each with one image file. Everything
 * is decided in the builder, so {@link #prepare} has nothing left to do and the dataset can be
 * shared between threads.
 *
 * @param <R> record type
 */
public abstract class ImageRecordDataset<R> extends RandomAccessDataset {

    private final List<R> records;
    private final ImageLoader images;
    private final BadRecords imageSkips;

    /** Builds from {@code builder}, dropping unreadable images first if the builder asks to. */
    protected <B extends ImageDatasetBuilder<R, B>> ImageRecordDataset(B builder, Function<R, Path> imageOf) {
        super(builder);
        BadRecords bad = BadRecords.skipping();
        this.records = builder.usableRecords(imageOf, bad);
        this.images = builder.imageLoader();
        this.imageSkips = bad;
    }

    /** The records served, in index order. */
    public List<R> records() {
        return records;
    }

    /** How images are read, resized and normalised. */
    public ImageLoader images() {
        return images;
    }

    /** Records dropped at build time because their image did not decode (skip mode only). */
    public BadRecords imageSkips() {
        return imageSkips;
    }

    /** Record {@code index} after the usual int range check. */
    protected R record(long index) {
        return records.get(Math.toIntExact(index));
    }

    @Override
    protected long availableSize() {
        return records.size();
    }

    @Override
    public void prepare(Progress progress) {
        // Nothing to do: the builder read the index and (optionally) checked every image.
    }
}

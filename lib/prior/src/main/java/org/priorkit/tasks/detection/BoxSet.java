package org.priorkit.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Record;
import org.priorkit.data.image.ImageLoader;
import org.priorkit.data.rsna.RsnaDataset;
import org.priorkit.data.rsna.RsnaRecord;
import org.priorkit.train.SampleSource;

import java.util.List;

/**
 * RSNA images with their boxes and CenterNet targets, as batch rows
 * {@code [image (1, H, W), boxes (M, 4), heatmap (1, h, w), size (2, h, w), offset (2, h, w), centres (1, h, w)]}
 * with boxes in pixels of the resized image, padded to M rows of -1, and h x w = H/4 x W/4. Targets
 * are encoded here, on the loader threads, so the training step only runs the network.
 *
 * <p>With {@code flip}, a training sample (nonzero seed: {@code BatchLoader}'s mixed per-sample seed) is
 * mirrored left-right with probability 1/2, boxes with it, before its targets are encoded; evaluation
 * reads seed 0 and never flips.
 */
public final class BoxSet implements SampleSource<DetectionBatch> {

    private final List<RsnaRecord> records;
    private final RsnaDataset dataset;
    private final int maxBoxes;
    private final int stride;
    private final boolean flip;

    public BoxSet(List<RsnaRecord> records, ImageLoader images, int maxBoxes, int stride, boolean flip) {
        this.records = List.copyOf(records);
        this.maxBoxes = maxBoxes;
        this.stride = stride;
        this.flip = flip;
        this.dataset = RsnaDataset.builder().setRecords(records).optImageLoader(images).optMaxBoxes(maxBoxes)
                .setSampling(1, false).build();
    }

    public List<RsnaRecord> records() {
        return records;
    }

    public List<String> ids() {
        return records.stream().map(RsnaRecord::patientId).toList();
    }

    @Override
    public long size() {
        return records.size();
    }

    @Override
    public DetectionBatch batch(NDList stacked) {
        return DetectionBatch.of(stacked);
    }

    @Override
    public NDList get(NDManager manager, long index, long seed) {
        Record r = dataset.get(manager, index);
        NDArray image = r.getData().head();                                          // (1, H, W)
        NDArray boxes = r.getLabels().get(1);                                        // (M, 4)
        int width = (int) image.getShape().get(2);
        int mapH = (int) image.getShape().get(1) / stride;
        int mapW = width / stride;
        float[][] rows = rows(boxes.toFloatArray());
        if (flip && seed != 0 && new java.util.Random(seed).nextBoolean()) {
            image = image.flip(2);
            rows = mirrored(rows, width);
            boxes = manager.create(flat(rows), boxes.getShape());
        }
        CenterNetTargets t = CenterNetTargets.encode(rows, mapH, mapW, stride);
        return new NDList(image, boxes,
                manager.create(t.heatmap(), new Shape(1, mapH, mapW)),
                manager.create(t.size(), new Shape(2, mapH, mapW)),
                manager.create(t.offset(), new Shape(2, mapH, mapW)),
                manager.create(t.centres(), new Shape(1, mapH, mapW)));
    }

    /** Flat (M*4) box values to rows, keeping padding rows (their w, h are -1). */
    static float[][] rows(float[] flat) {
        float[][] out = new float[flat.length / 4][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new float[] {flat[4 * i], flat[4 * i + 1], flat[4 * i + 2], flat[4 * i + 3]};
        }
        return out;
    }

    /** Boxes (x, y, w, h) of an image {@code width} pixels wide after a left-right mirror; padding rows stay. */
    static float[][] mirrored(float[][] boxes, int width) {
        float[][] out = new float[boxes.length][];
        for (int i = 0; i < boxes.length; i++) {
            float[] b = boxes[i];
            boolean padding = b[2] <= 0 || b[3] <= 0;
            out[i] = padding ? b.clone() : new float[] {width - b[0] - b[2], b[1], b[2], b[3]};
        }
        return out;
    }

    private static float[] flat(float[][] rows) {
        float[] out = new float[rows.length * 4];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, 4 * i, 4);
        }
        return out;
    }

    /** Real boxes (w, h > 0) of a flat padded array, as doubles for the metrics. */
    static double[][] realBoxes(float[] flat, int from, int count) {
        return java.util.stream.IntStream.range(0, count)
                .filter(i -> flat[from + 4 * i + 2] > 0 && flat[from + 4 * i + 3] > 0)
                .mapToObj(i -> new double[] {flat[from + 4 * i], flat[from + 4 * i + 1], flat[from + 4 * i + 2],
                        flat[from + 4 * i + 3]})
                .toArray(double[][]::new);
    }
}

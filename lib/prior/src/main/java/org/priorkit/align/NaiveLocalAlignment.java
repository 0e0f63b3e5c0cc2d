package org.priorkit.align;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.priorkit.nn.Scalars;

/**
 * The textbook per-sample loop version of local alignment and its two losses, as the official
 * PRIOR code writes it: one image-report pair at a time, slicing off the padded sentences instead
 * of masking them. It shares the weights of a {@link LocalAlignment}/{@link SimSiamPredictor}, so
 * the batched classes can be checked against it, and the benchmark can time both.
 */
public final class NaiveLocalAlignment { // for the benchmark and for teaching: never train with it

    /** Results of the loop version; padded rows of {@code imageAware} are zero. */
    public record Result(NDArray textAware, NDArray imageAware, NDArray localImageLoss, NDArray localTextLoss) {}

    private NaiveLocalAlignment() {}

    public static Result run(ParameterStore ps, LocalAlignment align, SimSiamPredictor predictor,
                             NDArray image, NDArray sentences, NDArray mask, NDArray textScale, boolean training) {
        int batch = Math.toIntExact(image.getShape().get(0));
        long s = sentences.getShape().get(1);
        long d = sentences.getShape().get(2);
        long[] counts = mask.toType(ai.djl.ndarray.types.DataType.INT64, false).sum(new int[] {1}).toLongArray();
        double invSqrtD = 1.0 / Math.sqrt(d);
        NDList textAware = new NDList();
        NDList imageAware = new NDList();
        NDArray textLossSum = null;
        long textCount = 0;
        for (int b = 0; b < batch; b++) {
            long n = counts[b];
            NDArray img = image.get(b); // (I, D)
            NDArray sen = sentences.get(new NDIndex("{}, :{}", b, n)); // (n, D)
            NDArray w = Activation.sigmoid(lin(align.t2iQ, ps, img, training)
                    .matMul(lin(align.t2iK, ps, sen, training).transpose()).mul(Scalars.tensor(img, invSqrtD))); // (I, n)
            textAware.add(w.matMul(lin(align.t2iV, ps, sen, training))); // (I, D)
            NDArray a = Activation.sigmoid(lin(align.i2tQ, ps, sen, training)
                    .matMul(lin(align.i2tK, ps, img, training).transpose()).mul(Scalars.tensor(img, invSqrtD))); // (n, I)
            NDArray ia = a.matMul(lin(align.i2tV, ps, img, training)); // (n, D)
            imageAware.add(n == s ? ia : NDArrays.concat(new NDList(ia, image.getManager().zeros(
                    new ai.djl.ndarray.types.Shape(s - n, d), ia.getDataType())), 0)); // (S, D)
            if (n >= 2) {
                NDArray t = sen.normalize(2, 1, 1e-12);
                NDArray v = ia.normalize(2, 1, 1e-12);
                NDArray logits = t.matMul(v.transpose()).mul(textScale); // (n, n)
                NDArray eye = image.getManager().eye((int) n, (int) n, 0, logits.getDataType());
                NDArray sum = logits.logSoftmax(1).mul(eye).sum().add(logits.logSoftmax(0).mul(eye).sum()).neg();
                textLossSum = textLossSum == null ? sum : textLossSum.add(sum);
                textCount += n;
            }
        }
        NDArray ta = NDArrays.stack(textAware); // (B, I, D)
        NDArray imageLoss = new LocalImageLoss().compute(
                lin(predictor, ps, image, training), lin(predictor, ps, ta, training), image, ta);
        NDArray textLoss = textLossSum == null ? image.getManager().create(0f)
                : textLossSum.div(Scalars.tensor(textLossSum, 2.0 * textCount));
        return new Result(ta, NDArrays.stack(imageAware), imageLoss, textLoss);
    }

    private static NDArray lin(Block block, ParameterStore ps, NDArray x, boolean training) {
        return block.forward(ps, new NDList(x), training).singletonOrThrow();
    }
}

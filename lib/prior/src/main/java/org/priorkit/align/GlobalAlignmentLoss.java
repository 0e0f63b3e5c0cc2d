package org.priorkit.align;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.priorkit.nn.Scalars;
import org.priorkit.nn.Scopes;

/**
 * Global image-report alignment: symmetric InfoNCE (CLIP's loss) over the batch.
 *
 * <p>Dimensions: B batch, D embedding. Row i of the image and report features is a positive pair;
 * every other row of the batch is a negative. Features are L2-normalised here, logits are scaled by
 * {@code scale = exp(logit_scale)} (see {@link LearnableTemperature}), labels are {@code arange(B)}
 * and the loss is the mean of the image-to-report and report-to-image cross-entropies.
 */
public final class GlobalAlignmentLoss {

    /**
     * @param image  (B, D) global image features (not necessarily normalised)
     * @param report (B, D) report features
     * @param scale  () logit scale, {@code exp(logit_scale)}
     * @return () the loss
     */
    public NDArray compute(NDArray image, NDArray report, NDArray scale) {
        try (NDManager scope = NDManager.subManagerOf(image)) {
            Scopes.tempAttach(scope, image, report, scale);
            int b = Math.toIntExact(image.getShape().get(0));
            NDArray img = image.normalize(2, 1, 1e-12); // (B, D)
            NDArray rep = report.normalize(2, 1, 1e-12); // (B, D)
            NDArray logits = img.matMul(rep.transpose()).mul(scale); // (B, B) image i vs report j
            NDArray eye = scope.eye(b, b, 0, logits.getDataType()); // (B, B) labels arange(B)
            NDArray imageToReport = logits.logSoftmax(1).mul(eye).sum(); // () sum of log p(report i | image i)
            NDArray reportToImage = logits.logSoftmax(0).mul(eye).sum(); // () sum of log p(image i | report i)
            return scope.ret(imageToReport.add(reportToImage).div(Scalars.tensor(logits, -2.0 * b)));
        }
    }
}

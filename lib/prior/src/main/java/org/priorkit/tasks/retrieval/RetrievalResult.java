package org.priorkit.tasks.retrieval;

import java.util.List;
import java.util.Map;

/**
 * Image-to-text (and text-to-image) retrieval between the 5x200 images and the report pool.
 *
 * @param model          where the weights came from
 * @param queries        number of query images
 * @param candidates     number of candidate reports
 * @param poolPerClass   (C) candidate reports per class
 * @param imageToText    K -> Precision@K of ranking the reports for each image
 * @param textToImage    K -> Precision@K of ranking the images for each report
 * @param examples       a few queries with their top hits, for display
 * @param seconds        wall time
 */
public record RetrievalResult(String model, int queries, int candidates, int[] poolPerClass,
                              Map<Integer, Double> imageToText, Map<Integer, Double> textToImage,
                              List<Example> examples, double seconds) {

    /** One retrieved report. */
    public record Hit(String reportId, String className, double score, List<String> sentences) {}

    /** A query image and its best-ranked reports. */
    public record Example(String image, String className, List<Hit> hits) {}

    /** One line for a terminal. */
    public String summary() {
        StringBuilder sb = new StringBuilder(String.format("retrieval (%s): %d images x %d reports;", model,
                queries, candidates));
        imageToText.forEach((k, v) -> sb.append(String.format(" i2t P@%d %.4f", k, v)));
        sb.append(';');
        textToImage.forEach((k, v) -> sb.append(String.format(" t2i P@%d %.4f", k, v)));
        return sb.append(String.format(" (%.1f s)", seconds)).toString();
    }
}

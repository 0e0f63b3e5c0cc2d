package org.priorkit.data.synth;

import java.nio.file.Path;

/**
 * What {@link SyntheticGenerator#generate} wrote.
 *
 * @param mimicFourSentenceReports reports with at least 4 sentences (PRIOR drops the others)
 * @param bytes                    total size of the files written
 * @param seconds                  wall-clock generation time
 */
public record GenerationSummary(Path root, int mimicStudies, int mimicImages, int mimicFourSentenceReports,
                                int chexpertTrain, int chexpertValid, int fiveBy200, int rsnaImages,
                                int rsnaPositives, int siimImages, int siimPositives, long bytes,
                                double seconds) {

    /** All images written. */
    public int images() {
        return mimicImages + chexpertTrain + chexpertValid + rsnaImages + siimImages;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "%s: %d images in %.1f s (%.0f images/s), %.1f MB%n"
                        + "  MIMIC-CXR-JPG %d studies, %d images, %d reports with >= 4 sentences%n"
                        + "  CheXpert train %d, valid %d, 5x200 %d%n"
                        + "  RSNA %d images, %d with boxes; SIIM %d images, %d with pneumothorax",
                root, images(), seconds, images() / Math.max(seconds, 1e-9), bytes / 1e6, mimicStudies, mimicImages,
                mimicFourSentenceReports, chexpertTrain, chexpertValid, fiveBy200, rsnaImages, rsnaPositives,
                siimImages, siimPositives);
    }
}

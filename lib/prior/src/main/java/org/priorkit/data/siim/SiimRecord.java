package org.priorkit.data.siim;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One SIIM-ACR image and all its mask rows (OR-ed when decoded).
 *
 * @param imageId the SOP instance UID, also the .dcm file name
 * @param image dicom-images-train/{study}/{series}/{imageId}.dcm
 * @param encodedPixels the RLE of each CSV row of this image, "-1" for empty
 * @param csv the file the rows came from (errors found at decode time name it)
 */
public record SiimRecord(String imageId, Path image, List<String> encodedPixels, Path csv) {

    public SiimRecord {
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(image, "image");
        encodedPixels = List.copyOf(encodedPixels);
        if (encodedPixels.isEmpty()) {
            throw new IllegalArgumentException("image " + imageId + " needs at least one mask row");
        }
    }

    /** True when some row has a run: the image shows a pneumothorax. */
    public boolean positive() {
        return encodedPixels.stream().anyMatch(e -> Rle.parse(e).length > 0);
    }
}

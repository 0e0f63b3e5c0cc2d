package org.priorkit.data.mimic;

/**
 * One row of mimic-cxr-2.0.0-metadata: an image and its view.
 *
 * @param dicomId image id
 * @param subjectId patient
 * @param studyId study
 * @param viewPosition PA, AP, LATERAL, LL, ... (blank for some images)
 */
public record MimicImage(String dicomId, long subjectId, long studyId, String viewPosition) {

    /** PA or AP: the views PRIOR keeps. */
    public boolean frontal() {
        return viewPosition.equals("PA") || viewPosition.equals("AP");
    }
}

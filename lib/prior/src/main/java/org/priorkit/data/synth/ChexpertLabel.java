package org.priorkit.data.synth;

/**
 * The 14 CheXpert labeler observations, in the column order of {@code mimic-cxr-2.0.0-chexpert.csv}
 * (alphabetical). CheXpert's own CSVs use {@link #CHEXPERT_ORDER}.
 */
public enum ChexpertLabel {
    ATELECTASIS("Atelectasis"),
    CARDIOMEGALY("Cardiomegaly"),
    CONSOLIDATION("Consolidation"),
    EDEMA("Edema"),
    ENLARGED_CARDIOMEDIASTINUM("Enlarged Cardiomediastinum"),
    FRACTURE("Fracture"),
    LUNG_LESION("Lung Lesion"),
    LUNG_OPACITY("Lung Opacity"),
    NO_FINDING("No Finding"),
    PLEURAL_EFFUSION("Pleural Effusion"),
    PLEURAL_OTHER("Pleural Other"),
    PNEUMONIA("Pneumonia"),
    PNEUMOTHORAX("Pneumothorax"),
    SUPPORT_DEVICES("Support Devices");

    /** Column order of CheXpert's train.csv / valid.csv (after Path, Sex, Age, Frontal/Lateral, AP/PA). */
    public static final ChexpertLabel[] CHEXPERT_ORDER = {
        NO_FINDING, ENLARGED_CARDIOMEDIASTINUM, CARDIOMEGALY, LUNG_OPACITY, LUNG_LESION, EDEMA,
        CONSOLIDATION, PNEUMONIA, ATELECTASIS, PNEUMOTHORAX, PLEURAL_EFFUSION, PLEURAL_OTHER,
        FRACTURE, SUPPORT_DEVICES
    };

    private final String column;

    ChexpertLabel(String column) {
        this.column = column;
    }

    /** The column header text. */
    public String column() {
        return column;
    }
}

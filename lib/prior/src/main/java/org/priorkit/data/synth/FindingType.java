package org.priorkit.data.synth;

/**
 * The findings the generator can draw. Each one has its own visual signature (see {@link FindingPainter})
 * and its own phrasings (see {@link ReportWriter}).
 */
public enum FindingType {
    ATELECTASIS("Atelectasis"),
    CARDIOMEGALY("Cardiomegaly"),
    CONSOLIDATION("Consolidation"),
    EDEMA("Edema"),
    PLEURAL_EFFUSION("Pleural Effusion"),
    PNEUMONIA("Pneumonia"),
    PNEUMOTHORAX("Pneumothorax");

    /** The five CheXpert competition classes, in the order of PRIOR's 5x200 one-hot labels. */
    public static final FindingType[] COMPETITION =
            {ATELECTASIS, CARDIOMEGALY, CONSOLIDATION, EDEMA, PLEURAL_EFFUSION};

    private final String label;

    FindingType(String label) {
        this.label = label;
    }

    /** The CheXpert / MIMIC-CXR column name of this finding. */
    public String label() {
        return label;
    }

    /** The {@link ChexpertLabel} column that carries this finding. */
    public ChexpertLabel column() {
        return ChexpertLabel.valueOf(name());
    }
}

package org.priorkit.data.chexpert;

import java.util.List;

/** CheXpert's label names, in the orders the files use. */
public final class ChexpertClasses {

    private ChexpertClasses() {}

    /** The 14 labels in the column order of CheXpert's train.csv / valid.csv. */
    public static final List<String> ALL = List.of(
            "No Finding", "Enlarged Cardiomediastinum", "Cardiomegaly", "Lung Opacity", "Lung Lesion",
            "Edema", "Consolidation", "Pneumonia", "Atelectasis", "Pneumothorax", "Pleural Effusion",
            "Pleural Other", "Fracture", "Support Devices");

    /** The 5 competition labels, in the order of the 5x200 one-hot vectors. */
    public static final List<String> COMPETITION = List.of(
            "Atelectasis", "Cardiomegaly", "Consolidation", "Edema", "Pleural Effusion");

    /**
     * The 8 non-competition labels that the 5x200 rule requires to be 0 ("No Finding" is not
     * among them: peers' code leaves it free).
     */
    public static final List<String> FIVE_BY_200_OTHERS = List.of(
            "Enlarged Cardiomediastinum", "Lung Lesion", "Lung Opacity", "Pneumonia", "Pneumothorax",
            "Pleural Other", "Fracture", "Support Devices");
}

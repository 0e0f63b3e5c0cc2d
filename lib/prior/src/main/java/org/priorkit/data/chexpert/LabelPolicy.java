package org.priorkit.data.chexpert;

import java.util.List;
import java.util.Map;

/**
 * Turns CheXpert's four-valued labels (1 positive, 0 negative, -1 uncertain, blank not mentioned)
 * into training targets.
 *
 * @param blank target for a blank (not mentioned) label; 0 everywhere in the literature
 * @param uncertainDefault target for -1 when the class has no entry in {@code uncertainByClass}
 * @param uncertainByClass per-class target for -1
 */
public record LabelPolicy(float blank, float uncertainDefault, Map<String, Float> uncertainByClass) {

    public LabelPolicy {
        uncertainByClass = Map.copyOf(uncertainByClass);
    }

    /** U-Ones: uncertain counts as positive. */
    public static LabelPolicy uOnes() {
        return new LabelPolicy(0f, 1f, Map.of());
    }

    /** U-Zeros: uncertain counts as negative. */
    public static LabelPolicy uZeros() {
        return new LabelPolicy(0f, 0f, Map.of());
    }

    /**
     * Peers' mixed policy (GLoRIA, MGCA, PRIOR): ones for Atelectasis, Edema, Pleural Effusion;
     * zeros for Cardiomegaly, Consolidation (and for the other classes).
     */
    public static LabelPolicy peers() {
        return new LabelPolicy(0f, 0f, Map.of("Atelectasis", 1f, "Edema", 1f, "Pleural Effusion", 1f,
                "Cardiomegaly", 0f, "Consolidation", 0f));
    }

    /** Target for {@code raw} (1, 0, -1, or null for blank) of class {@code name}. */
    public float apply(String name, Float raw) {
        if (raw == null) {
            return blank;
        }
        if (raw == -1f) {
            return uncertainByClass.getOrDefault(name, uncertainDefault);
        }
        return raw;
    }

    /** Targets for {@code classes} from a record's raw labels (absent key = blank). */
    public float[] apply(List<String> classes, Map<String, Float> raw) {
        float[] out = new float[classes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = apply(classes.get(i), raw.get(classes.get(i)));
        }
        return out;
    }
}

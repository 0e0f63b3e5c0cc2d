package org.priorkit.tasks.dense;

import java.util.Locale;

/**
 * How a downstream task treats the pretrained image encoder.
 *
 * <ul>
 *   <li>{@link #FROZEN}: only the task head trains; the encoder runs in inference mode (BatchNorm uses
 *       and keeps its running statistics) and its features are cut from the gradient graph, so its
 *       weights cannot change. This is the MGCA protocol the paper's segmentation and detection
 *       tables follow: it measures the representation, not the optimiser.</li>
 *   <li>{@link #FINE_TUNE}: encoder and head train together (the encoder with its own learning-rate
 *       factor); BatchNorm statistics update.</li>
 * </ul>
 */
public enum EncoderMode {
    FROZEN,
    FINE_TUNE;

    /** "frozen", "finetune", "fine-tune" or "fine_tune" (any case). */
    public static EncoderMode parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (s) {
            case "frozen", "freeze", "linear" -> FROZEN;
            case "finetune", "ft", "full" -> FINE_TUNE;
            default -> throw new IllegalArgumentException("encoder mode '" + text + "' is not frozen or fine-tune");
        };
    }

    /** Whether the encoder's weights receive updates. */
    public boolean trainsEncoder() {
        return this == FINE_TUNE;
    }

    /** "frozen" or "fine-tune", as the CLI and results tables write it. */
    public String label() {
        return this == FROZEN ? "frozen" : "fine-tune";
    }
}

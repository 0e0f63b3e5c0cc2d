package org.priorkit.data.synth;

/** Support devices drawn as bright tubes; they are distractors and feed the "Support Devices" label. */
public enum Device {
    NONE,
    /** Right internal jugular central venous catheter ending in the superior vena cava. */
    CENTRAL_LINE,
    /** Endotracheal tube in the midline ending above the carina. */
    ET_TUBE
}

package org.priorkit.train;

/** A loss term became NaN or infinite: training stops and says which term, and where. */
public final class TrainingDivergedException extends IllegalStateException {

    /**
     * @param term  the term's name
     * @param value its value (NaN or infinite)
     * @param where the step, e.g. "stage 'align' step 3 (global step 10)"
     */
    public TrainingDivergedException(String term, float value, String where) {
        super("loss term '" + term + "' is " + value + " at " + where + ": lower the learning rate"
                + " (or the term's weight), or resume from an earlier checkpoint");
    }
}

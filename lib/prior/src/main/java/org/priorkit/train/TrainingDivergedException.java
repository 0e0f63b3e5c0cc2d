package org.priorkit.train;

import java.util.List;

/** A loss term became NaN or infinite: training stops and says which term, and where. */
public final class TrainingDivergedException extends IllegalStateException {

    /**
     * @param term  the term's name
     * @param value its value (NaN or infinite)
     * @param where the step, e.g. "stage 'align' step 3 (global step 10)"
     * @param nonFiniteParameters trained parameters that already held a NaN or infinity before the step
     */
    public TrainingDivergedException(String term, float value, String where, List<String> nonFiniteParameters) {
        super("loss term '" + term + "' is " + value + " at " + where + " ("
                + (nonFiniteParameters.isEmpty() ? "every trained parameter was finite: the forward pass made it"
                        : "parameters already not finite: " + shortList(nonFiniteParameters))
                + "): lower the learning rate (or the term's weight), or resume from an earlier checkpoint");
    }

    private static String shortList(List<String> names) {
        return names.size() <= 5 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }
}

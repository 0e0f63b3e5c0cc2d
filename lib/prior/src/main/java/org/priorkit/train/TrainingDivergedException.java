package org.priorkit.train;

/** A loss term became NaN or infinite: training stops and says which term, stage and step. */
public final class TrainingDivergedException extends RuntimeException {

    public TrainingDivergedException(String term, String stage, long stepInStage, long globalStep, float value) {
        super("loss term '" + term + "' is " + value + " at stage '" + stage + "' step " + stepInStage
                + " (global step " + globalStep + "): lower the stage's peak LR or the term's weight,"
                + " or resume from the last checkpoint");
    }
}

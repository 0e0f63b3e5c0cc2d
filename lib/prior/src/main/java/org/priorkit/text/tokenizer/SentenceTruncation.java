package org.priorkit.text.tokenizer;

/**
 * What {@link ReportEncoder} does with the sentence that crosses the length limit.
 *
 * <p>{@link #WHOLE_SENTENCES} (the default) drops it and everything after: PRIOR pools each sentence's
 * tokens into one sentence feature, and a sentence cut in half ("no pleural effusion or" without
 * "pneumothorax") would be a feature of something the report never said. {@link #CUT_LAST} keeps its first
 * tokens, filling the budget, as plain BERT truncation would. Either way, when even the first sentence is
 * too long it is cut, so no report comes out empty.
 */
public enum SentenceTruncation {
    WHOLE_SENTENCES,
    CUT_LAST
}

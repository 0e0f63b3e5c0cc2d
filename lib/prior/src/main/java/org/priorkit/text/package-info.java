/**
 * The text side of PRIOR (model only; tokenisation lives in {@code org.priorkit.text.tokenizer}).
 *
 * <p>Dimensions: B batch, T tokens, S sentences of a report (padded), D hidden width.
 *
 * <h2>Design notes</h2>
 * <ul>
 *   <li>{@link org.priorkit.text.TextEncoder} is a post-LN BERT written for the kit (DJL's BertBlock
 *       is not BERT: it pools token 1 and differs in normalisation) whose parameter names mirror
 *       Hugging Face's {@code BertModel} state_dict, so exported Bio_ClinicalBERT weights load with
 *       {@code StateDict.load(encoder, TextEncoder.huggingFaceStateDict(weights))}. The classes follow
 *       modeling_bert.py one to one: {@link org.priorkit.text.BertEmbeddings},
 *       {@link org.priorkit.text.BertSelfAttention}, {@link org.priorkit.text.BertAddNorm} (HF's
 *       BertSelfOutput and BertOutput), {@link org.priorkit.text.BertLayer}. Outputs: last hidden
 *       states (B, T, D) and [CLS] = token 0.</li>
 *   <li>{@link org.priorkit.text.SentencePooling}: sentence s = mean of the tokens whose sentence
 *       index is s (-1 for [CLS], [SEP], padding), with a (B, S) mask, computed for the whole batch by
 *       one one-hot matmul; padding is zeroed before the product so it cannot leak.</li>
 *   <li>{@link org.priorkit.text.ReportPooling}: the report feature, attention pooling over the
 *       sentences with the masked mean as the query, padded sentences masked, no positional
 *       embedding.</li>
 *   <li>{@link org.priorkit.text.TorchScriptTextEncoder} runs a user's exported encoder with the same
 *       output contract as {@code TextEncoder}.</li>
 * </ul>
 */
package org.priorkit.text;

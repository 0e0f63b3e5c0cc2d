/**
 * Generic building blocks shared by the encoders, the alignment heads and the decoders.
 *
 * <h2>Design notes</h2>
 * <ul>
 *   <li><b>PyTorch names.</b> Blocks register children under PyTorch's attribute names
 *       ({@code q_proj}, {@code fc1}, {@code weight}), so {@link org.priorkit.nn.StateDict} maps a
 *       PyTorch {@code state_dict} onto them one to one. Every block has a golden test against a
 *       PyTorch reference with the same names (scripts in {@code src/test/python}).</li>
 *   <li><b>One attention.</b> {@link org.priorkit.nn.MultiHeadAttention#attend} is the only place
 *       that splits heads, scales, masks and mixes values; the block, BERT's self-attention and the
 *       attention poolings call it, so masking is fixed once. Masks are boolean, true = real token;
 *       masked logits are filled with -1e9 via {@code where} (not added, not -inf) and the weights
 *       are multiplied by the mask, so padded keys get weight exactly 0 and a query with no real key
 *       gets zeros, never NaN.</li>
 *   <li><b>Scopes.</b> Each forward computes inside {@code NDManager.subManagerOf(input)} and returns
 *       with {@code scope.ret}; {@link org.priorkit.nn.Scopes#tempAttach} attaches inputs safely when
 *       one array is passed several times (self-attention).</li>
 *   <li><b>GELU</b> is the exact erf form (DJL's {@code Activation.gelu} on PyTorch), as BERT.</li>
 *   <li><b>TorchScript.</b> {@link org.priorkit.nn.TorchScriptBlock} loads an exported module from a
 *       local file so users can bring their own pretrained encoders (adapters in the vision and text
 *       packages check the kit's input/output contracts).</li>
 * </ul>
 */
package org.priorkit.nn;

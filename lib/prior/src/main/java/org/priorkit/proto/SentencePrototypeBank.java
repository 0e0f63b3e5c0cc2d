package org.priorkit.proto;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.priorkit.nn.Init;
import org.priorkit.nn.Scalars;
import org.priorkit.nn.Scopes;

/**
 * Sentence prototype bank (SPB): a codebook E of K learnable prototypes; every sentence is replaced
 * by a soft mixture of prototypes.
 *
 * <p>Dimensions: B batch, S sentences (padded), D embedding, K prototypes.
 *
 * <pre>
 *   scores     = s . E^T                                  (B, S, K)
 *   training:  a = softmax((scores + g) / tau)            g ~ Gumbel(0, 1)   (soft Gumbel-softmax)
 *   eval:      a = softmax(scores / tau)   or one-hot(argmax scores)         (NO noise)
 *   prototype  = a . E                                    (B, S, D)
 * </pre>
 *
 * Inputs: sentences (B, S, D), mask (B, S) boolean (true = real), optionally the Gumbel noise
 * (B, S, K) to use (tests); without it, training draws from the configured {@link GumbelNoise}.
 * Outputs: prototypes (B, S, D), assignment probabilities a (B, S, K), and the per-sentence
 * prototype index (B, S) int64 (argmax of a; -1 for padding) for usage statistics
 * ({@link #usageCounts}). Padded sentences get all-zero rows.
 *
 * <p>Gradient: the soft Gumbel-softmax is differentiable, so no straight-through estimator is needed;
 * the prototype depends on E directly and through the scores, and on s through the scores. The L1
 * loss ({@link PrototypeL1Loss}) therefore trains the codebook and pulls the sentence features
 * toward it. The argmax evaluation mode has no gradient to s (evaluation only).
 */
public final class SentencePrototypeBank extends AbstractBlock {

    /** Deterministic assignment used outside training. */
    public enum EvalAssignment { SOFTMAX, ARGMAX }

    private final Parameter codebook;
    private final int prototypes;
    private final int embedding;
    private final double tau;
    private final EvalAssignment evalAssignment;
    private final GumbelNoise noise;

    private SentencePrototypeBank(Builder b) {
        prototypes = b.prototypes;
        embedding = b.embedding;
        tau = b.tau;
        evalAssignment = b.evalAssignment;
        noise = b.noise;
        codebook = addParameter(Parameter.builder()
                .setName("codebook")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(b.prototypes, b.embedding))
                // N(0, 1) as the official code's nn.Embedding: prototypes as long as the sentence features
                // (about sqrt(D)), so an assignment starts close to one prototype, not a blur of all K
                .optInitializer(Init.normal(1))
                .build());
    }

    public static Builder builder() {
        return new Builder();
    }

    public int getPrototypes() {
        return prototypes;
    }

    public double getTau() {
        return tau;
    }

    /** {@code x . E^T / tau}: (..., D) -> (..., K), the logits of the deterministic assignment. */
    public NDArray logits(ParameterStore ps, NDArray x, boolean training) {
        NDArray e = ps.getValue(codebook, x.getDevice(), training); // (K, D)
        NDArray eT = e.transpose(); // (D, K), a view; like every result of e it joins the model's manager,
        eT.attach(x.getManager()); // so hand it to the batch's: it must go when the step's graph goes
        return x.matMul(eT).div(Scalars.tensor(x, tau)); // (..., K)
    }

    /**
     * Deterministic snapping (softmax, or argmax, as configured) without noise, whatever the mode:
     * (..., D) -> prototypes (..., D). Used to snap decoded sentences onto the codebook.
     */
    public NDArray snap(ParameterStore ps, NDArray x, boolean training) {
        NDArray e = ps.getValue(codebook, x.getDevice(), training); // (K, D)
        return assign(logits(ps, x, training), evalAssignment).matMul(e); // (..., D)
    }

    private static NDArray assign(NDArray logits, EvalAssignment how) {
        int last = logits.getShape().dimension() - 1;
        if (how == EvalAssignment.SOFTMAX) {
            return logits.softmax(last); // (..., K)
        }
        int k = Math.toIntExact(logits.getShape().get(last));
        return logits.argMax(last).oneHot(k, logits.getDataType()); // (..., K)
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray sentences = inputs.get(0); // (B, S, D)
        NDArray mask = inputs.get(1); // (B, S) boolean
        NDArray given = inputs.size() > 2 ? inputs.get(2) : null; // (B, S, K) or absent
        try (NDManager scope = NDManager.subManagerOf(sentences)) {
            Scopes.tempAttach(scope, sentences, mask, given);
            NDArray e = ps.getValue(codebook, sentences.getDevice(), training); // (K, D)
            NDArray logits = logits(ps, sentences, training); // (B, S, K) scores / tau
            NDArray a; // (B, S, K)
            if (training) {
                NDArray g = given != null ? given
                        : noise.sample(scope, logits.getShape(), logits.getDataType()); // (B, S, K)
                a = logits.add(g.div(Scalars.tensor(logits, tau))).softmax(2); // softmax((scores + g) / tau)
            } else {
                a = assign(logits, evalAssignment);
            }
            NDArray real = mask.toType(a.getDataType(), false).expandDims(2); // (B, S, 1)
            a = a.mul(real); // (B, S, K) padded rows 0
            NDArray proto = a.matMul(e); // (B, S, D)
            NDArray index = NDArrays.where(mask, a.argMax(2), scope.full(mask.getShape(), -1, DataType.INT64)); // (B, S)
            return scope.ret(new NDList(proto, a, index));
        }
    }

    /**
     * How many real sentences chose each prototype: index (B, S) int64 with -1 for padding
     * (the bank's third output) -> counts (K) int64.
     */
    public static NDArray usageCounts(NDArray index, int prototypes) {
        try (NDManager scope = NDManager.subManagerOf(index)) {
            Scopes.tempAttach(scope, index);
            NDArray ks = scope.arange(0, prototypes, 1, DataType.INT64); // (K)
            return scope.ret(index.expandDims(2).eq(ks).toType(DataType.INT64, false).sum(new int[] {0, 1})); // (K)
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        long b = in[0].get(0);
        long s = in[0].get(1);
        return new Shape[] {new Shape(b, s, embedding), new Shape(b, s, prototypes), new Shape(b, s)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {}

    public static final class Builder {
        private int prototypes;
        private int embedding;
        private double tau = 0.9;
        private EvalAssignment evalAssignment = EvalAssignment.SOFTMAX;
        private GumbelNoise noise = GumbelNoise.standard();

        private Builder() {}

        /** K, the number of prototypes (paper: 512). */
        public Builder setPrototypes(int prototypes) {
            this.prototypes = prototypes;
            return this;
        }

        /** D, the sentence feature width. */
        public Builder setEmbedding(int embedding) {
            this.embedding = embedding;
            return this;
        }

        /** Gumbel-softmax temperature (paper: 0.9, fixed). */
        public Builder optTau(double tau) {
            this.tau = tau;
            return this;
        }

        public Builder optEvalAssignment(EvalAssignment evalAssignment) {
            this.evalAssignment = evalAssignment;
            return this;
        }

        public Builder optNoise(GumbelNoise noise) {
            this.noise = noise;
            return this;
        }

        public SentencePrototypeBank build() {
            if (prototypes <= 0 || embedding <= 0) {
                throw new IllegalArgumentException("setPrototypes(K) and setEmbedding(D) > 0 are required");
            }
            if (!(tau > 0)) {
                throw new IllegalArgumentException("tau must be > 0, got " + tau);
            }
            if (evalAssignment == null || noise == null) {
                throw new IllegalArgumentException("evalAssignment and noise must not be null");
            }
            return new SentencePrototypeBank(this);
        }
    }
}

package org.priorkit.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import org.priorkit.nn.Scalars;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One optimizer step, the part of training that DJL 0.36 makes easy to get wrong, written once for
 * the pretrainer and every task trainer:
 *
 * <pre>
 *   zero the gradients of the trained parameters   (DJL keeps them across collectors)
 *   forward: the named, unweighted loss terms
 *   total = sum of weight * term                   (weights as 0-d tensors: lib/README, "Pitfalls")
 *   a NaN or infinite term stops training, naming the term
 *   backward(total)
 *   AdamW update of each parameter group           (outside the collector: no graph for the update)
 * </pre>
 * The caller seeds the engine if the forward pass draws random numbers (dropout, Gumbel noise) and
 * owns the manager the forward pass creates its arrays in.
 */
public final class TrainStep {

    /**
     * Parameters that one optimizer updates at one learning rate.
     *
     * @param params    name -> parameter
     * @param optimizer their AdamW (its moments are per parameter name)
     * @param lr        learning rate of this step
     */
    public record Group(Map<String, Parameter> params, AdamW optimizer, double lr) {}

    /**
     * What the step measured.
     *
     * @param terms each weighted term's UNWEIGHTED value, in the weights' order
     * @param total the weighted sum that was back-propagated
     */
    public record Losses<K>(Map<K, Float> terms, float total) {}

    private TrainStep() {}

    /**
     * One step on the terms {@code forward} computes, weighted by {@code weights} (summed in their
     * order). {@code where} names the step in a divergence error, e.g. "stage 'align' step 3".
     *
     * @throws TrainingDivergedException when a weighted term is NaN or infinite (nothing is updated)
     */
    public static <K> Losses<K> run(List<Group> groups, Map<K, Double> weights, Supplier<Map<K, NDArray>> forward,
                                    String where) {
        Map<K, Float> values = new LinkedHashMap<>();
        float totalValue;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            groups.forEach(g -> AdamW.zeroGradients(g.params()));
            Map<K, NDArray> terms = forward.get();
            NDArray total = null;
            for (Map.Entry<K, Double> w : weights.entrySet()) {
                NDArray term = terms.get(w.getKey());
                if (term == null) {
                    throw new IllegalStateException("the forward pass did not compute loss term '" + w.getKey()
                            + "' (" + where + ")");
                }
                float v = term.getFloat();
                if (!Float.isFinite(v)) {
                    throw new TrainingDivergedException(String.valueOf(w.getKey()), v, where, nonFiniteParameters(groups));
                }
                values.put(w.getKey(), v);
                NDArray weighted = term.mul(Scalars.tensor(term, w.getValue())); // () weight as a 0-d tensor
                total = total == null ? weighted : total.add(weighted);
            }
            if (total == null) {
                throw new IllegalArgumentException("no loss term is weighted (" + where + ")");
            }
            totalValue = total.getFloat();
            collector.backward(total);
        }
        for (Group g : groups) {
            g.optimizer().update(g.params(), g.lr());
        }
        return new Losses<>(values, totalValue);
    }

    /** The trained parameters that already hold a NaN or infinity, by name (said when a step diverges). */
    static List<String> nonFiniteParameters(List<Group> groups) {
        List<String> bad = new ArrayList<>();
        for (Group g : groups) {
            g.params().forEach((name, p) -> {
                NDArray a = p.getArray();
                try (NDArray nan = a.isNaN(); NDArray inf = a.isInfinite(); NDArray either = nan.logicalOr(inf);
                     NDArray any = either.any()) {
                    if (any.getBoolean()) {
                        bad.add(name);
                    }
                }
            });
        }
        return bad;
    }

    /** One step on a single loss (a task's): {@link #run} with one term of weight 1. Returns its value. */
    public static float run(List<Group> groups, Supplier<NDArray> loss, String where) {
        return run(groups, Map.of("loss", 1.0), () -> Map.of("loss", loss.get()), where).total();
    }
}

package org.priorkit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import org.priorkit.nn.Scalars;
import org.priorkit.nn.StateDict;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter) with its moments kept in plain, named arrays so a checkpoint can
 * save them and a killed run resumes exactly. A new instance per stage is the paper's "optimizer
 * reset at each stage".
 *
 * <pre>
 *   m = b1 m + (1 - b1) g          v = b2 v + (1 - b2) g^2
 *   w = w - lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps) - lr wd w
 * </pre>
 */
public final class AdamW {

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    /** name -> first and second moment; created on the first update of a parameter. */
    private final Map<String, NDArray[]> moments = new LinkedHashMap<>();
    private final NDManager manager;
    private long step;

    public AdamW(NDManager manager, double weightDecay) {
        this(manager, 0.9, 0.999, 1e-8, weightDecay);
    }

    public AdamW(NDManager manager, double beta1, double beta2, double eps, double weightDecay) {
        this.manager = manager;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    /** Optimizer steps taken so far (bias correction uses it). */
    public long step() {
        return step;
    }

    /**
     * One update of every trainable parameter that has a gradient, with learning rate {@code lr}.
     * Gradients are read from the parameters' arrays (filled by a GradientCollector's backward).
     */
    public void update(Map<String, Parameter> params, double lr) {
        step++;
        double c1 = 1 - Math.pow(beta1, step);
        double c2 = 1 - Math.pow(beta2, step);
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            Parameter p = e.getValue();
            if (!p.requiresGradient() || !p.isInitialized()) {
                continue;
            }
            NDArray w = p.getArray();
            if (!w.hasGradient()) {
                continue;
            }
            NDArray g = w.getGradient(); // a new handle on the gradient: closed with the scope below
            NDArray[] mv = moments.computeIfAbsent(e.getKey(), k -> new NDArray[] {
                    manager.zeros(w.getShape(), w.getDataType(), w.getDevice()),
                    manager.zeros(w.getShape(), w.getDataType(), w.getDevice())});
            try (NDManager scope = NDManager.subManagerOf(w)) {
                g.attach(scope);
                scope.tempAttachAll(w, mv[0], mv[1]); // temporaries below live in scope
                mv[0].muli(beta1).addi(g.mul(Scalars.tensor(g, 1 - beta1)));
                mv[1].muli(beta2).addi(g.square().muli(1 - beta2));
                NDArray stepDir = mv[0].div(c1).divi(mv[1].div(c2).sqrt().addi(eps)); // Adam direction
                w.muli(1 - lr * weightDecay).subi(stepDir.muli(lr)); // decoupled weight decay
            }
        }
    }

    /**
     * Sets the gradients of {@code params} to zero before a step. DJL keeps gradients across
     * collectors, and its own {@code GradientCollector.zeroGradients()} visits every array the
     * engine manages, which grows slower with every step; this touches only the parameters.
     */
    public static void zeroGradients(Map<String, Parameter> params) {
        for (Parameter p : params.values()) {
            if (p.isInitialized() && p.getArray().hasGradient()) {
                try (NDArray g = p.getArray().getGradient()) {
                    g.muli(0); // in place: the parameter keeps the same gradient storage
                }
            }
        }
    }

    /** The moments and step as named arrays ("m/NAME", "v/NAME"), for a checkpoint. */
    public Map<String, NDArray> state() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        moments.forEach((k, mv) -> {
            out.put("m/" + k, mv[0]);
            out.put("v/" + k, mv[1]);
        });
        return out;
    }

    /** Restores what {@link #state()} returned, with the step it was taken at. */
    public void load(Map<String, NDArray> state, long atStep) {
        moments.clear();
        for (Map.Entry<String, NDArray> e : state.entrySet()) {
            if (!e.getKey().startsWith("m/")) {
                continue;
            }
            String name = e.getKey().substring(2);
            NDArray v = state.get("v/" + name);
            if (v == null) {
                throw new IllegalArgumentException("optimizer state has m/" + name + " but no v/" + name);
            }
            moments.put(name, new NDArray[] {copy(e.getValue()), copy(v)});
        }
        step = atStep;
    }

    private NDArray copy(NDArray a) {
        NDArray c = manager.zeros(a.getShape(), a.getDataType(), a.getDevice());
        StateDict.copyInto(c, a);
        return c;
    }
}

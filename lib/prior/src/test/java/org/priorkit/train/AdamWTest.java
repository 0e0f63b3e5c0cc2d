package org.priorkit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;
import org.priorkit.testing.Golden;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class AdamWTest {

    /** Three steps with the gradients torch used; the gradient is injected through a linear loss. */
    private static NDArray run(NDManager m, Map<String, NDArray> g, AdamW opt, Parameter p, int from, int to) {
        for (int t = from; t < to; t++) {
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                AdamW.zeroGradients(Map.of("w", p));
                NDArray loss = p.getArray().mul(g.get("g" + t)).sum(); // d loss / d w = g
                c.backward(loss);
            }
            opt.update(Map.of("w", p), 0.01);
        }
        return p.getArray();
    }

    private static Parameter param(NDManager m, NDArray init) {
        Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
        p.setArray(init.duplicate());
        p.getArray().attach(m);
        p.getArray().setRequiresGradient(true);
        return p;
    }

    @Test
    void matchesTorchAdamW() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "adamw_steps");
            Parameter p = param(m, g.get("w0"));
            AdamW opt = new AdamW(m, 0.1);
            run(m, g, opt, p, 0, 1);
            Golden.assertClose(g.get("w1"), p.getArray(), "w after step 1");
            run(m, g, opt, p, 1, 3);
            Golden.assertClose(g.get("w3"), p.getArray(), "w after step 3");
            assertEquals(3, opt.step());
        }
    }

    @Test
    void savedStateResumesExactly() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "adamw_steps");
            Parameter p = param(m, g.get("w0"));
            AdamW first = new AdamW(m, 0.1);
            run(m, g, first, p, 0, 2);
            AdamW resumed = new AdamW(m, 0.1);
            resumed.load(first.state(), first.step());
            run(m, g, resumed, p, 2, 3);
            Golden.assertClose(g.get("w3"), p.getArray(), "w after resuming at step 2");
        }
    }
}

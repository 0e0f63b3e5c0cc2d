package org.priorkit.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A scope for the temporaries of one computation (DJL's BertMaskedLanguageModelLoss pattern):
 * {@code try (NDManager scope = Scope.of(x, y)) { ...; return scope.ret(result); }}.
 *
 * <p>The inputs are attached temporarily, so every intermediate lands in the scope and is freed
 * when it closes, while the inputs go back to their own managers. Unlike a bare
 * {@code tempAttachAll(x, y)}, an array passed twice (e.g. {@code loss(x, x)}) is attached once:
 * attaching it a second time would record the scope as its "original" manager and free it.
 * {@code null} inputs are skipped.
 */
public final class Scope {

    private Scope() {}

    public static NDManager of(NDArray first, NDArray... rest) {
        NDManager scope = NDManager.subManagerOf(first);
        Set<NDArray> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<NDArray> distinct = new ArrayList<>();
        seen.add(first);
        distinct.add(first);
        for (NDArray a : rest) {
            if (a != null && seen.add(a)) {
                distinct.add(a);
            }
        }
        scope.tempAttachAll(distinct.toArray(new NDArray[0]));
        return scope;
    }
}

package org.priorkit.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Safe temporary attachment of a block's inputs to a scope manager.
 *
 * <p>The kit's blocks compute inside {@code try (NDManager scope = NDManager.subManagerOf(x))},
 * temporarily attaching their inputs so that every intermediate lands in the scope and is freed at its
 * end. DJL's {@code tempAttachAll} must not see the same array twice: the second call records the
 * scope itself as the array's "original" manager, so the caller's array is lost when the scope closes.
 * That happens in self-attention, where query, key and value are one array. This helper skips
 * repeats and nulls.
 */
public final class Scopes {

    private Scopes() {}

    /** Temporarily attaches each distinct non-null array to {@code scope}. */
    public static void tempAttach(NDManager scope, NDArray... arrays) {
        Set<NDArray> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (NDArray a : arrays) {
            if (a != null && seen.add(a)) {
                a.tempAttach(scope);
            }
        }
    }

    /** {@link #tempAttach(NDManager, NDArray...)} for every array of a list. */
    public static void tempAttach(NDManager scope, NDList arrays) {
        tempAttach(scope, arrays.toArray(new NDArray[0]));
    }
}

package org.priorkit.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DiceTest {

    private static final boolean T = true;
    private static final boolean F = false;

    @Test
    void diceByHand() {
        // |P ∩ T| = 1, |P| = 2, |T| = 2 -> 2 * 1 / 4
        assertEquals(0.5, Dice.of(new boolean[] {T, T, F, F}, new boolean[] {T, F, T, F}), 0);
        assertEquals(1.0, Dice.of(new boolean[] {F, T, T}, new boolean[] {F, T, T}), 0);
        // |P| = 1, |T| = 3, overlap 1 -> 2 / 4
        assertEquals(0.5, Dice.of(new boolean[] {T, F, F}, new boolean[] {T, T, T}), 0);
    }

    @Test
    void emptyMasks() {
        assertEquals(1.0, Dice.of(new boolean[] {F, F}, new boolean[] {F, F}), 0, "empty-empty");
        assertEquals(0.0, Dice.of(new boolean[] {F, F}, new boolean[] {T, F}), 0, "missed");
        assertEquals(0.0, Dice.of(new boolean[] {F, T}, new boolean[] {F, F}), 0, "false alarm");
        assertEquals(1.0, Dice.of(new boolean[0], new boolean[0]), 0, "no pixels");
    }

    @Test
    void meanIsPerImage() {
        boolean[][] predicted = {{T, T, F, F}, {F, F, F, F}, {F, F, F, F}};
        boolean[][] truth = {{T, F, T, F}, {F, F, F, F}, {T, T, T, T}};
        // (1/2 + 1 + 0) / 3; pooling the pixels would give 2 * 1 / (2 + 6) = 1/4
        assertEquals(0.5, Dice.mean(predicted, truth), 1e-15);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Dice.of(new boolean[2], new boolean[3]));
        assertThrows(IllegalArgumentException.class, () -> Dice.mean(new boolean[2][1], new boolean[1][1]));
        assertThrows(IllegalArgumentException.class, () -> Dice.mean(new boolean[0][], new boolean[0][]));
    }
}

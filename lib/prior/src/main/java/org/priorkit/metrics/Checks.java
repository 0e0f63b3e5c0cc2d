package org.priorkit.metrics;

/** Input validation shared by the metrics; every failure is an {@link IllegalArgumentException}. */
final class Checks {

    private Checks() {}

    static void sameLength(int a, int b, String what) {
        if (a != b) {
            throw new IllegalArgumentException(what + ": lengths differ (" + a + " vs " + b + ")");
        }
    }

    static void nonEmpty(int n, String what) {
        if (n == 0) {
            throw new IllegalArgumentException(what + ": empty input");
        }
    }

    static void binary(int[] labels, String what) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException(what + ": label " + labels[i] + " at " + i + " is not 0 or 1");
            }
        }
    }

    static void classes(int[] labels, int classes, String what) {
        if (classes < 1) {
            throw new IllegalArgumentException(what + ": classes must be >= 1, got " + classes);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(
                        what + ": class " + labels[i] + " at " + i + " is outside [0, " + classes + ")");
            }
        }
    }

    static void finite(double[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + ": value " + values[i] + " at " + i + " is not finite");
            }
        }
    }

    /** A box (x, y, w, h): four finite numbers with w, h >= 0. */
    static void box(double[] box, String what) {
        if (box == null || box.length != 4) {
            throw new IllegalArgumentException(what + ": a box is (x, y, w, h), got "
                    + (box == null ? "null" : box.length + " numbers"));
        }
        finite(box, what);
        if (box[2] < 0 || box[3] < 0) {
            throw new IllegalArgumentException(what + ": negative width or height in a box");
        }
    }
}

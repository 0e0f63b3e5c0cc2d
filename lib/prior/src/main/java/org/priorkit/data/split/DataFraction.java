package org.priorkit.data.split;

/**
 * The share of the training split a label-efficiency run uses: 1%, 10% or 100% in the paper.
 *
 * @param value in (0, 1]
 */
public record DataFraction(double value) {

    public static final DataFraction ONE_PERCENT = new DataFraction(0.01);
    public static final DataFraction TEN_PERCENT = new DataFraction(0.10);
    public static final DataFraction ALL = new DataFraction(1.0);

    public DataFraction {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException("a data fraction must be in (0, 1], got " + value);
        }
    }

    /** Parses "1%", "10%", "100%", or a plain number such as "0.1". */
    public static DataFraction parse(String text) {
        try {
            return new DataFraction(share(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("data fraction '" + text + "' is not like 1%, 10% or 0.1");
        }
    }

    /** "1%" or "0.01" as 0.01, any value (the caller checks the range). */
    public static double share(String text) {
        String s = text.trim();
        return s.endsWith("%") ? Double.parseDouble(s.substring(0, s.length() - 1).trim()) / 100 : Double.parseDouble(s);
    }

    /** "1%", "10%", "100%" (or "2.5%"). */
    public String label() {
        double pct = value * 100;
        return (pct == Math.rint(pct) ? Long.toString(Math.round(pct)) : Double.toString(pct)) + "%";
    }

    /** How many of {@code n} records to keep: rounded, at least one when n > 0. */
    public int of(int n) {
        return n == 0 ? 0 : (int) Math.max(1, Math.min(n, Math.round(n * value)));
    }
}

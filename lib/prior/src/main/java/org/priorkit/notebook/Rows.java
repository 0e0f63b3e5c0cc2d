package org.priorkit.notebook;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.List;

/**
 * A Tablesaw table written row by row, for the notebooks: name the columns once, then {@code add} one
 * row of values per line; each column takes the type of its first value (text, whole number, decimal
 * number, yes/no) and decimals are rounded for reading (3 digits unless told otherwise).
 *
 * <pre>
 *   Rows t = Rows.titled("detection", "encoder", "train images", "RSNA mAP");
 *   t.add("PRIOR", 12, 0.1234567);
 *   t.table()          // encoder | train images | RSNA mAP = 0.123
 * </pre>
 */
public final class Rows {

    private final String title;
    private final List<String> names;
    private final List<Object[]> rows = new ArrayList<>();
    private int digits = 3;

    private Rows(String title, List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.title = title;
        this.names = List.copyOf(names);
    }

    /** A table called {@code title} with these column names. */
    public static Rows titled(String title, String... columns) {
        return new Rows(title, List.of(columns));
    }

    /** The same with the column names in a list, for tables whose columns come from the data (one per class). */
    public static Rows titled(String title, List<String> columns) {
        return new Rows(title, columns);
    }

    /** Rounds decimal columns to {@code d} digits after the point (3 by default). */
    public Rows digits(int d) {
        if (d < 0 || d > 15) {
            throw new IllegalArgumentException("digits must be in 0..15, got " + d);
        }
        digits = d;
        return this;
    }

    /** One row: a value per column, in the columns' order. */
    public Rows add(Object... values) {
        if (values.length != names.size()) {
            throw new IllegalArgumentException("table '" + title + "': " + values.length + " values for "
                    + names.size() + " columns " + names);
        }
        rows.add(values.clone());
        return this;
    }

    public int size() {
        return rows.size();
    }

    /** The Tablesaw table (what a notebook cell shows). */
    public Table table() {
        Table t = Table.create(title);
        for (int c = 0; c < names.size(); c++) {
            t.addColumns(column(c));
        }
        return t;
    }

    private Column<?> column(int c) {
        String name = names.get(c);
        Object first = rows.isEmpty() ? "" : rows.get(0)[c];
        if (first instanceof Double || first instanceof Float) {
            DoubleColumn col = DoubleColumn.create(name);
            double scale = Math.pow(10, digits);
            for (Object[] r : rows) {
                double v = number(r[c], name).doubleValue();
                col.append(Double.isFinite(v) ? Math.round(v * scale) / scale : v);
            }
            return col;
        }
        if (first instanceof Integer || first instanceof Short || first instanceof Byte) {
            IntColumn col = IntColumn.create(name);
            rows.forEach(r -> col.append(Math.toIntExact(wholeNumber(r[c], name))));
            return col;
        }
        if (first instanceof Long) {
            LongColumn col = LongColumn.create(name);
            rows.forEach(r -> col.append(wholeNumber(r[c], name)));
            return col;
        }
        if (first instanceof Boolean) {
            BooleanColumn col = BooleanColumn.create(name);
            rows.forEach(r -> col.append(requireType(r[c], Boolean.class, name)));
            return col;
        }
        StringColumn col = StringColumn.create(name);
        rows.forEach(r -> col.append(String.valueOf(r[c])));
        return col;
    }

    private Number number(Object v, String column) {
        return requireType(v, Number.class, column);
    }

    private long wholeNumber(Object v, String column) {
        Number n = number(v, column);
        if (n instanceof Double || n instanceof Float) {
            throw new IllegalArgumentException("table '" + title + "', column '" + column
                    + "': its first value was a whole number, this one is " + v);
        }
        return n.longValue();
    }

    private <T> T requireType(Object v, Class<T> type, String column) {
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("table '" + title + "', column '" + column + "': expected a "
                    + type.getSimpleName() + " like its first value, got " + (v == null ? "null" : v.getClass().getSimpleName() + " " + v));
        }
        return type.cast(v);
    }
}

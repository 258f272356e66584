package io.ztrade.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text table: a header row, columns two spaces apart, numbers right-aligned. Cells are
 * formatted by the caller ({@link #percent}, {@link #ratio}, {@link #money}); {@code null} prints
 * as {@code -}.
 */
final class Table {

    private static final String NONE = "-";

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = List.of(headers);
    }

    Table(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    Table row(Object... cells) {
        return row(java.util.Arrays.stream(cells).map(c -> c == null ? NONE : c.toString()).toList());
    }

    Table row(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.size());
        }
        rows.add(cells.stream().map(c -> c == null ? NONE : c).toList());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    String render() {
        int n = headers.size();
        int[] width = new int[n];
        boolean[] numeric = new boolean[n];
        for (int c = 0; c < n; c++) {
            width[c] = headers.get(c).length();
            numeric[c] = !rows.isEmpty();
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
                numeric[c] &= isNumber(row.get(c));
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, headers, width, numeric);
        for (List<String> row : rows) {
            line(sb, row, width, numeric);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width, boolean[] numeric) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append("  ");
            }
            String cell = cells.get(c);
            String pad = " ".repeat(width[c] - cell.length());
            line.append(numeric[c] ? pad + cell : cell + pad);
        }
        sb.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }

    private static boolean isNumber(String cell) {
        return cell.equals(NONE) || cell.matches("[-+]?\\d[\\d,]*(\\.\\d+)?%?");
    }

    /** A fraction as a percentage with two decimals: 0.1234 is {@code 12.34%}. */
    static String percent(Double fraction) {
        return fraction == null || fraction.isNaN() || fraction.isInfinite() ? NONE : String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    /** A ratio (Sharpe, profit factor) with two decimals. */
    static String ratio(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? NONE : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Money as the decimal it was reported as, with at least two decimals, never in exponent form. */
    static String money(BigDecimal value) {
        if (value == null) {
            return NONE;
        }
        return (value.scale() < 2 ? value.setScale(2) : value).toPlainString();
    }
}

package dev.crmconnect.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A Markdown table printed with its columns aligned, so it reads in a terminal and in the docs. */
public final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /** A table with these column names. */
    public Table(String... header) {
        this.header = List.of(header);
    }

    /** Adds a row; values are shown with {@link String#valueOf(Object)}. */
    public Table row(Object... values) {
        if (values.length != header.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + header.size()
                    + " columns");
        }
        rows.add(Arrays.stream(values).map(String::valueOf).toList());
        return this;
    }

    /** Prints the table. */
    public void print(PrintStream out) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.max(3, header.get(c).length());
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        line(out, header, widths);
        StringBuilder rule = new StringBuilder("|");
        for (int width : widths) {
            rule.append(' ').append("-".repeat(width)).append(" |");
        }
        out.println(rule);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        out.println();
    }

    private static void line(PrintStream out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            line.append(' ').append(cell).append(" ".repeat(widths[c] - cell.length())).append(" |");
        }
        out.println(line);
    }

    /** {@code value} with {@code decimals} decimals, in the ROOT locale. */
    public static String fixed(double value, int decimals) {
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A count with thousands separators, in the ROOT locale. */
    public static String count(long value) {
        return String.format(java.util.Locale.ROOT, "%,d", value);
    }
}

package io.stockflow.serve;

import java.util.List;

/**
 * CSV as RFC 4180 writes it: comma-separated, CRLF line ends, a field in double quotes when it holds a comma, a quote, a
 * line break or leading or trailing spaces, with its quotes doubled. A field starting with {@code = + - @} (a formula to
 * a spreadsheet) gets a leading apostrophe, so a SKU or a channel name opened in a spreadsheet is never run.
 */
final class Csv {
    private Csv() {}

    static String write(ReportTable table) {
        StringBuilder b = new StringBuilder();
        line(b, table.columns());
        for (List<String> row : table.rows()) line(b, row);
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) b.append(',');
            b.append(field(fields.get(i)));
        }
        b.append("\r\n");
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) return "";
        String v = value;
        char first = v.charAt(0);
        if ((first == '=' || first == '+' || first == '@' || first == '-') && !isNumber(v)) v = "'" + v;
        boolean quote = v.indexOf(',') >= 0
                || v.indexOf('"') >= 0
                || v.indexOf('\n') >= 0
                || v.indexOf('\r') >= 0
                || v.charAt(0) == ' '
                || v.charAt(v.length() - 1) == ' ';
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    private static boolean isNumber(String v) {
        try {
            Double.parseDouble(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

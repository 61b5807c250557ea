package io.stockflow.serve;

import java.util.List;

/** One report as a table: its name (the CSV file's), its columns and its rows, every cell as text. */
record ReportTable(String name, String title, List<String> columns, List<List<String>> rows) {}

package io.stockflow.flink.job;

import java.util.List;

/**
 * {@code docs/configuration-reference.md}: every setting of {@link StockflowOptions} with its key, flag, type, default
 * and description, and how the layers of a value stack up. Written from the declarations, never by hand; a test
 * compares the committed file with {@link #markdown()}.
 */
public final class ConfigurationReference {
    /** Where the reference is committed, from the project folder. */
    public static final String FILE = "docs/configuration-reference.md";
    /** How to write it again after a declaration changed. */
    public static final String REGENERATE = "./stockflow config --markdown > " + FILE;

    /** A config.yaml that sets a few settings, shown in the reference (and read back by a test). */
    public static final String YAML_EXAMPLE = String.join(
            "\n",
            "stockflow:",
            "  ledger:",
            "    low-stock-threshold: 3",
            "  time:",
            "    idleness: 2m",
            "  routing:",
            "    rules: [rules/v1.json, rules/v2.json]",
            "  anomalies:",
            "    lead-time:",
            "      SKU-00001: 4h",
            "      SKU-00002: 90m");

    private ConfigurationReference() {}

    public static String markdown() {
        StringBuilder md = new StringBuilder();
        lines(
                md,
                "# Configuration reference",
                "",
                "<!-- Generated from io.stockflow.flink.job.StockflowOptions; do not edit. After changing a setting: "
                        + REGENERATE + " -->",
                "",
                "Every job setting is a key of Flink's configuration and a flag of `stockflow run` (and of the",
                "commands that take run's options: `submit`, `demo`, `evaluate`; `stockflow config` prints the values",
                "a run would get). A setting takes its value from the last of these that has it:",
                "",
                "1. the default below;",
                "2. the Flink configuration of the run: `config.yaml` (embedded runs: `flink-conf/config.yaml`, or",
                "   the folder of `--flink-conf`; on a cluster, the configuration where the job's `main` runs: the",
                "   JobManager's for `stockflow submit` and the REST API, the client's for `flink run`, with its",
                "   `-Dkey=value`);",
                "3. `-Dkey=value` among the job's arguments (`stockflow run inventory -Dstockflow.time.idleness=2m`);",
                "4. the setting's flag (`--idleness 2m`).",
                "",
                "A map (lead times by SKU) is merged entry by entry, a later layer's entry winning; a list (rule set",
                "files) is replaced whole. A `stockflow.*` key that is not below stops the run at start, as does a",
                "value that does not read.",
                "",
                "Durations are written `500ms`, `10s`, `5m`, `2h`, `7d` (or ISO-8601, `PT10S`). In `config.yaml`, a",
                "list is a YAML list and a map a nested map:",
                "",
                "```yaml");
        md.append(YAML_EXAMPLE).append('\n');
        lines(md, "```", "", "| key | flag | type | default | description |", "|---|---|---|---|---|");
        for (SettingFlag<?> flag : StockflowOptions.ALL) {
            String defaultText = flag.defaultText();
            md.append("| `")
                    .append(flag.option.key())
                    .append("` | `")
                    .append(flag.name)
                    .append(' ')
                    .append(flag.paramLabel)
                    .append('`')
                    .append(flag.type.repeatable() ? ", repeatable" : "")
                    .append(" | ")
                    .append(flag.type.name)
                    .append(" | ")
                    .append(defaultText == null ? "none" : "`" + defaultText + "`")
                    .append(" | ")
                    .append(cell(flag.description()))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static void lines(StringBuilder md, String... lines) {
        for (String line : List.of(lines)) md.append(line).append('\n');
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}

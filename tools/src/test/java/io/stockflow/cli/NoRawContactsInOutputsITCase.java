package io.stockflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.ingest.ContactRedaction;
import io.stockflow.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contact details stay with the sender (docs/design/contact-details.md): a bounded run of every job over the fixture
 * orders of all four marketplaces writes their raw emails and phone numbers to {@code customers.contacts} and to no
 * other output topic.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class NoRawContactsInOutputsITCase {
    private static final Path INPUT = Fixtures.dir("small");
    private static final Path FLINK_CONF = Path.of("..", "flink-conf").toAbsolutePath();
    private static final Pattern CONTACT_FIELD = Pattern.compile(
            "\"(?:email|phone|phoneNumber|contact_email|buyer_email|BuyerEmail)\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void noOutputTopicOfAFixtureRunCarriesARawEmailOrPhone(@TempDir Path out, @TempDir Path state) throws IOException {
        Set<String> raw = rawContacts(INPUT.resolve("orders.raw.jsonl"));
        assertThat(raw).as("the fixture orders carry contact details").isNotEmpty();

        int exit = Stockflow.execute(
                "run",
                "all",
                "--input",
                INPUT.toString(),
                "--output",
                out.toString(),
                "--state-dir",
                state.toString(),
                "--flink-conf",
                FLINK_CONF.toString());

        assertThat(exit).isZero();
        Path contacts = out.resolve("customers.contacts");
        List<String> contactRecords = new ArrayList<>();
        try (Stream<Path> files = Files.walk(contacts)) {
            for (Path file : files.filter(Files::isRegularFile).toList())
                contactRecords.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        Set<String> written = new TreeSet<>();
        Matcher m = CONTACT_FIELD.matcher(String.join("\n", contactRecords));
        while (m.find()) written.add(m.group(1));
        assertThat(written)
                .as("customers.contacts carries the raw contacts, and only those of the input")
                .isNotEmpty()
                .isSubsetOf(raw);
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.startsWith(contacts))
                    .toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                for (String contact : raw)
                    assertThat(text)
                            .as("%s carries %s", out.relativize(file), contact)
                            .doesNotContainIgnoringCase(contact);
            }
        }
    }

    @Test
    void deadLettersOfOrdersThatCarryContactsKeepTheRecordButNotTheContacts(
            @TempDir Path in, @TempDir Path out, @TempDir Path state) throws IOException {
        // Each fixture order with contact details, its SKUs renamed: a record the job must dead-letter.
        List<String> broken = new ArrayList<>();
        for (String line : Files.readAllLines(INPUT.resolve("orders.raw.jsonl"), StandardCharsets.UTF_8))
            if (CONTACT_FIELD.matcher(line).find() && line.contains("\"sku\""))
                broken.add(line.replace("\"sku\"", "\"skew\""));
        assertThat(broken).isNotEmpty();
        Files.write(in.resolve("orders.raw.jsonl"), broken, StandardCharsets.UTF_8);
        Set<String> raw = rawContacts(in.resolve("orders.raw.jsonl"));

        int exit = Stockflow.execute(
                "run",
                "inventory",
                "--input",
                in.toString(),
                "--output",
                out.toString(),
                "--state-dir",
                state.toString(),
                "--flink-conf",
                FLINK_CONF.toString());

        assertThat(exit).isZero();
        List<String> deadLetters = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out.resolve("deadletter"))) {
            for (Path file : files.filter(Files::isRegularFile).toList())
                deadLetters.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        assertThat(deadLetters)
                .hasSize(broken.size())
                .allSatisfy(d -> assertThat(d).contains("missing field", "skew", ContactRedaction.MASK));
        String text = String.join("\n", deadLetters);
        for (String contact : raw)
            assertThat(text).as("a dead letter carries %s", contact).doesNotContainIgnoringCase(contact);
    }

    private static Set<String> rawContacts(Path input) throws IOException {
        Set<String> found = new TreeSet<>();
        Matcher m = CONTACT_FIELD.matcher(Files.readString(input, StandardCharsets.UTF_8));
        while (m.find()) if (!m.group(1).isBlank()) found.add(m.group(1));
        return found;
    }
}

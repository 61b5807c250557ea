package io.stockflow.routing;

import static io.stockflow.routing.RuleSets.NOON_NEW_YORK;
import static io.stockflow.routing.RuleSets.orderTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EvaluationCodecTest {
    private static final String[] LOCATIONS = {"WH-EAST", "WH-WEST", "STORE-NYC", "3PL-DALLAS", "DC-ÉVRY"};
    private static final String[] WHY = {
        "disabled",
        "not in the rule's only list",
        "in the rule's never list",
        "daily capacity of 40 used up on 2026-11-26",
        "no EXPEDITED rate to zone US-WEST"
    };

    @Test
    void everyGeneratedEvaluationReadsBackEqual() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            Evaluation e = generated(random);
            assertThat(EvaluationCodec.read(EvaluationCodec.write(e)))
                    .as("evaluation %d", i)
                    .isEqualTo(e);
        }
    }

    @Test
    void bytesThatEndEarlyAreRefused() {
        byte[] bytes = EvaluationCodec.write(exampleEvaluation());
        for (int length : new int[] {1, bytes.length / 2, bytes.length - 1}) {
            assertThatThrownBy(() -> EvaluationCodec.read(Arrays.copyOf(bytes, length)))
                    .as("the first %d of %d bytes", length, bytes.length)
                    .isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void anEvaluationOfTheExampleRuleSetReadsBackEqual() {
        Evaluation e = exampleEvaluation();
        assertThat(e.ranking()).isNotEmpty();
        assertThat(e.excluded()).isNotEmpty();
        assertThat(EvaluationCodec.read(EvaluationCodec.write(e))).isEqualTo(e);
    }

    @Test
    void theCompactFormIsAFractionOfJavaSerialization() throws IOException {
        Evaluation example = exampleEvaluation();
        int compact = EvaluationCodec.write(example).length;
        int java = javaSerialized(example).length;
        System.out.printf("example evaluation: %d bytes Java-serialized, %d bytes compact%n", java, compact);
        assertThat(compact).isLessThan(java / 5);

        Random random = new Random(11);
        long compactSum = 0;
        long javaSum = 0;
        for (int i = 0; i < 200; i++) {
            Evaluation e = generated(random);
            compactSum += EvaluationCodec.write(e).length;
            javaSum += javaSerialized(e).length;
        }
        System.out.printf(
                "200 generated evaluations: mean %d bytes Java-serialized, %d bytes compact%n",
                javaSum / 200, compactSum / 200);
        assertThat(compactSum).isLessThan(javaSum / 5);
    }

    @Test
    void bytesWrittenByJavaSerializationAreStillRead() throws IOException {
        Evaluation e = exampleEvaluation();
        assertThat(EvaluationCodec.read(javaSerialized(e))).isEqualTo(e);
    }

    @Test
    void anUnknownFormatVersionIsRefused() {
        byte[] bytes = EvaluationCodec.write(exampleEvaluation());
        bytes[0] = 9;
        assertThatThrownBy(() -> EvaluationCodec.read(bytes)).hasMessageContaining("format version 9");
    }

    @Test
    void repeatedStringsAreWrittenOnce() {
        Evaluation once = evaluation(List.of("rule-with-a-long-name"), List.of());
        Evaluation twice = evaluation(List.of("rule-with-a-long-name", "rule-with-a-long-name"), List.of());
        assertThat(EvaluationCodec.write(twice).length - EvaluationCodec.write(once).length)
                .isEqualTo(1);
    }

    private static Evaluation evaluation(List<String> matched, List<Candidate> ranking) {
        return new Evaluation(
                "v",
                "rule-with-a-long-name",
                false,
                matched,
                List.of(Criterion.COST),
                "STANDARD",
                null,
                ranking,
                List.of(),
                SplitPolicy.DEFAULT);
    }

    private static Evaluation exampleEvaluation() {
        return RuleEvaluator.evaluate(
                RuleSets.exampleSet(),
                orderTo("shopify:1", "shopify", "US", "CA", "94103", "EXPEDITED", "80.00", NOON_NEW_YORK, "BATT-AA", 2),
                new StockSnapshot(null));
    }

    private static Evaluation generated(Random random) {
        List<String> matched = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) matched.add("rule-" + random.nextInt(6));
        List<Criterion> rankBy = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--)
            rankBy.add(Criterion.values()[random.nextInt(Criterion.values().length)]);
        List<Candidate> ranking = new ArrayList<>();
        List<Exclusion> excluded = new ArrayList<>();
        for (String location : LOCATIONS) {
            if (random.nextInt(4) == 0) {
                excluded.add(new Exclusion(location, WHY[random.nextInt(WHY.length)]));
                continue;
            }
            Long capacity = random.nextBoolean() ? null : (long) random.nextInt(5_000);
            ranking.add(new Candidate(
                    location,
                    ranking.size() + 1,
                    random.nextInt(4) - 1,
                    BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(4)),
                    random.nextInt(12),
                    random.nextBoolean() ? null : random.nextDouble() * 9_000,
                    capacity == null ? null : (long) random.nextInt(capacity.intValue() + 1),
                    random.nextInt(10) == 0 ? null : LocalDate.of(2026, 1, 1).plusDays(random.nextInt(800) - 400),
                    random.nextBoolean(),
                    capacity));
        }
        SplitPolicy split = new SplitPolicy(random.nextBoolean(), 1 + random.nextInt(300), random.nextBoolean());
        String ruleId = matched.isEmpty() ? "fallback" : matched.get(0);
        return new Evaluation(
                "2026-11-" + random.nextInt(30),
                ruleId,
                matched.isEmpty(),
                matched,
                rankBy,
                random.nextBoolean() ? "STANDARD" : "EXPEDITED",
                random.nextInt(5) == 0 ? null : "US-" + random.nextInt(9),
                ranking,
                excluded,
                split);
    }

    private static byte[] javaSerialized(Evaluation e) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        return bytes.toByteArray();
    }
}

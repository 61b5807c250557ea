package io.stockflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout's rules, checked on the main code of every module: the pipeline (the domain in {@code common}, the Flink
 * functions and topologies in {@code jobs}) never depends on the tools or the test-data generator; the domain never
 * on Flink; no package cycles; no package in two modules.
 */
class ArchitectureTest {
    /** The pipeline: the domain and the job jar's own packages. */
    static final String[] JOB_JAR = {"io.stockflow.flink..", "io.stockflow.types.."};
    /** What is built around the pipeline, never inside it. */
    static final String[] AROUND = {
        "io.stockflow.generate..",
        "io.stockflow.cli..",
        "io.stockflow.bench..",
        "io.stockflow.backtest..",
        "io.stockflow.demo..",
        "io.stockflow.chaos..",
        "io.stockflow.cluster..",
        "io.stockflow.local..",
        "io.stockflow.reporter..",
        "io.stockflow.marketsim..",
        "io.stockflow.serve..",
        "io.stockflow.notifier.."
    };

    static final List<String> MODULES = List.of(
            "common", "jobs", "generator", "local-flink", "marketplace-sim", "channels", "serve", "notify", "tools");

    static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.stockflow");
        assertThat(main.contain("io.stockflow.flink.main.JobMain"))
                .as("the job jar's classes are imported")
                .isTrue();
    }

    /** The domain ({@code common}): every package that is neither the job jar's own nor around the pipeline. */
    @Test
    void theDomainDependsOnNeitherFlinkNorWhatIsAroundIt() {
        noClasses()
                .that()
                .resideInAPackage("io.stockflow..")
                .and()
                .resideOutsideOfPackages(concat(JOB_JAR, AROUND))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(concat(AROUND, JOB_JAR, "org.apache.flink.."))
                .check(main);
    }

    @Test
    void theJobJarDependsOnNothingAroundIt() {
        noClasses()
                .that()
                .resideInAnyPackage(JOB_JAR)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(AROUND)
                .check(main);
    }

    @Test
    void theGeneratorDependsOnlyOnTheDomain() {
        noClasses()
                .that()
                .resideInAPackage("io.stockflow.generate..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(concat(
                        JOB_JAR,
                        "io.stockflow.cli..",
                        "io.stockflow.bench..",
                        "io.stockflow.demo..",
                        "org.apache.flink.."))
                .check(main);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.stockflow.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void noPackageIsSplitAcrossModules() {
        Map<String, List<String>> modulesByPackage = new TreeMap<>();
        for (String module : MODULES) {
            for (String source : List.of("main", "test")) {
                Path root = Path.of("..", module, "src", source, "java");
                for (String pkg : packages(root)) {
                    List<String> in = modulesByPackage.computeIfAbsent(pkg, p -> new ArrayList<>());
                    if (!in.contains(module)) in.add(module);
                }
            }
        }
        assertThat(modulesByPackage).as("packages found").containsKey("io.stockflow.flink.ledger");
        assertThat(modulesByPackage)
                .allSatisfy((pkg, modules) ->
                        assertThat(modules).as("modules holding package " + pkg).hasSize(1));
    }

    private static List<String> packages(Path root) {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> root.relativize(f.getParent()).toString().replace('/', '.'))
                    .distinct()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    private static String[] concat(String[] a, String[] b, String c) {
        return concat(concat(a, b), c);
    }
}

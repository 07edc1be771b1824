package org.ipc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house as drawn in docs/architecture.md, held against the code: packages by feature without cycles, layers that
 * only look down, the engine behind workflow's door, HTTP only in resources and api.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    /** A REST resource or page: annotated with {@code @Path}, or nested in a class that is. */
    private static final DescribedPredicate<JavaClass> RESOURCES = new DescribedPredicate<>("resources (@Path)") {
        @Override
        public boolean test(JavaClass c) {
            for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
                if (k.isAnnotatedWith("jakarta.ws.rs.Path")) {
                    return true;
                }
            }
            return false;
        }
    };

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ipc");
    }

    @Test
    void featurePackagesHaveNoCycles() {
        check(slices().matching("org.ipc.(*)..").should().beFreeOfCycles());
    }

    /** The layers, top to bottom, and the feature packages in each: a new package must be given its place here. */
    private static final java.util.LinkedHashMap<String, List<String>> LAYERS = new java.util.LinkedHashMap<>();

    static {
        LAYERS.put("Web", List.of("inbox", "casework", "portal", "operations", "devmode"));
        LAYERS.put("Process", List.of("workflow"));
        LAYERS.put("Features", List.of("documents", "messages", "notify", "workitems", "estimates", "visa",
                "itinerary"));
        LAYERS.put("Cases", List.of("cases"));
        LAYERS.put("Foundation", List.of("access", "patients", "physicians", "departments", "officehours", "audit", "staff",
                "money", "crypto", "hospital", "paperwork"));
        LAYERS.put("Platform", List.of("api", "security", "common"));
    }

    private static String[] packagesOf(String layer) {
        return LAYERS.get(layer).stream().map(p -> "org.ipc." + p + "..").toArray(String[]::new);
    }

    @Test
    void everyPackageHasItsPlaceInTheLayers() {
        java.util.Set<String> placed = new java.util.HashSet<>();
        LAYERS.values().forEach(placed::addAll);
        java.util.Set<String> packages = new java.util.TreeSet<>();
        for (JavaClass c : classes) {
            String name = c.getPackageName();
            if (name.startsWith("org.ipc.")) {
                packages.add(name.substring("org.ipc.".length()).split("\\.")[0]);
            }
        }
        packages.removeAll(placed);
        assertThat(packages)
                .as("packages under org.ipc without a layer in ArchitectureTest.LAYERS (and docs/architecture.md)")
                .isEmpty();
    }

    @Test
    void layersOnlyLookDown() {
        check(layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Web").definedBy(packagesOf("Web"))
                .layer("Process").definedBy(packagesOf("Process"))
                .layer("Features").definedBy(packagesOf("Features"))
                .layer("Cases").definedBy(packagesOf("Cases"))
                .layer("Foundation").definedBy(packagesOf("Foundation"))
                .layer("Platform").definedBy(packagesOf("Platform"))
                .whereLayer("Web").mayNotBeAccessedByAnyLayer()
                .whereLayer("Process").mayOnlyBeAccessedByLayers("Web")
                .whereLayer("Features").mayOnlyBeAccessedByLayers("Web", "Process")
                .whereLayer("Cases").mayOnlyBeAccessedByLayers("Web", "Process", "Features")
                .whereLayer("Foundation").mayOnlyBeAccessedByLayers("Web", "Process", "Features", "Cases")
                .whereLayer("Platform").mayOnlyBeAccessedByLayers("Web", "Process", "Features", "Cases", "Foundation"));
    }

    @Test
    void onlyWorkflowUsesTheEngine() {
        check(noClasses().that().resideOutsideOfPackage("org.ipc.workflow..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda.."));
    }

    @Test
    void onlyResourcesAndApiUseJaxRsAndTheRestLayer() {
        check(noClasses().that(DescribedPredicate.not(RESOURCES)).and().resideOutsideOfPackage("org.ipc.api..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy.."));
    }

    @Test
    void servicesKnowNothingOfTheApiPlumbing() {
        check(noClasses().that(DescribedPredicate.not(RESOURCES)).and().resideOutsideOfPackage("org.ipc.api..")
                .should().dependOnClassesThat().resideInAPackage("org.ipc.api.."));
    }

    @Test
    void theLowestPackageDependsOnNoOther() {
        check(noClasses().that().resideInAPackage("org.ipc.common..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.ipc.common..", "java..", "jakarta.validation.."));
    }

    @Test
    void onlyWorkflowNamesTheEnginesTables() throws IOException {
        Path main = Path.of("src", "main");
        try (Stream<Path> files = Files.walk(main)) {
            List<String> offenders = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
                    .filter(p -> !p.startsWith(main.resolve(Path.of("java", "org", "ipc", "workflow"))))
                    // the engine's schema and our one index on it are workflow's migrations (org/ipc/workflow/schema)
                    .filter(p -> !p.startsWith(main.resolve(Path.of("resources", "org", "ipc", "workflow"))))
                    .filter(ArchitectureTest::namesEngineTables).map(Path::toString).sorted().toList();
            assertThat(offenders).as("SQL on Camunda's act_* tables outside workflow/").isEmpty();
        }
    }

    private static boolean namesEngineTables(Path file) {
        try {
            return Files.readString(file).toLowerCase(Locale.ROOT).matches("(?s).*\\bact_(ru|hi|re|ge|id)_\\w+.*");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}

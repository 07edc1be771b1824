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

    @Test
    void layersOnlyLookDown() {
        check(layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Web").definedBy("org.ipc.inbox..", "org.ipc.casework..", "org.ipc.portal..", "org.ipc.devmode..")
                .layer("Process").definedBy("org.ipc.workflow..")
                .layer("Features").definedBy("org.ipc.documents..", "org.ipc.messages..", "org.ipc.notify..",
                        "org.ipc.workitems..")
                .layer("Cases").definedBy("org.ipc.cases..")
                .layer("Foundation").definedBy("org.ipc.patients..", "org.ipc.physicians..", "org.ipc.departments..",
                        "org.ipc.officehours..", "org.ipc.audit..")
                .layer("Platform").definedBy("org.ipc.api..", "org.ipc.security..", "org.ipc.common..")
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
                .should().dependOnClassesThat().resideOutsideOfPackages("org.ipc.common..", "java.."));
    }

    @Test
    void onlyWorkflowNamesTheEnginesTables() throws IOException {
        Path main = Path.of("src", "main");
        try (Stream<Path> files = Files.walk(main)) {
            List<String> offenders = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
                    .filter(p -> !p.startsWith(main.resolve(Path.of("java", "org", "ipc", "workflow"))))
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

package org.ipc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;

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

    /**
     * The layers, top to bottom, and the feature packages in each: a new package must be given its place here. The
     * features are four floors of their own (visa letters rest on estimates and itineraries, itineraries send notices,
     * notices and estimates rest on documents, messages and the task read model).
     */
    private static final LinkedHashMap<String, List<String>> LAYERS = new LinkedHashMap<>();

    /** The layers that group others in the picture: features, with its floors. */
    private static final Map<String, List<String>> GROUPS = Map.of("Features",
            List.of("Letters", "Plans", "Notices", "Records"));

    /** What every package may use, left out of the picture's arrows. */
    private static final Set<String> EVERYONE_USES = Set.of("api", "common", "security");

    static {
        LAYERS.put("Web", List.of("inbox", "casework", "portal", "operations", "devmode"));
        LAYERS.put("Process", List.of("workflow"));
        LAYERS.put("Letters", List.of("visa"));
        LAYERS.put("Plans", List.of("estimates", "itinerary"));
        LAYERS.put("Notices", List.of("notify"));
        LAYERS.put("Records", List.of("documents", "messages", "workitems"));
        LAYERS.put("Cases", List.of("cases"));
        LAYERS.put("Foundation", List.of("access", "patients", "physicians", "departments", "officehours", "audit",
                "staff", "money", "crypto", "hospital", "paperwork"));
        LAYERS.put("Platform", List.of("api", "security", "common"));
    }

    private static String[] packagesOf(String layer) {
        return LAYERS.get(layer).stream().map(p -> "org.ipc." + p + "..").toArray(String[]::new);
    }

    @Test
    void everyPackageHasItsPlaceInTheLayers() {
        Set<String> placed = new HashSet<>();
        LAYERS.values().forEach(placed::addAll);
        Set<String> packages = new TreeSet<>(dependencies().keySet());
        packages.removeAll(placed);
        assertThat(packages)
                .as("packages under org.ipc without a layer in ArchitectureTest.LAYERS (and docs/architecture.md)")
                .isEmpty();
    }

    @Test
    void layersOnlyLookDown() {
        List<String> names = List.copyOf(LAYERS.keySet());
        Architectures.LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String name : names) {
            layers = layers.layer(name).definedBy(packagesOf(name));
        }
        layers = layers.whereLayer(names.get(0)).mayNotBeAccessedByAnyLayer();
        for (int i = 1; i < names.size(); i++) {
            layers = layers.whereLayer(names.get(i)).mayOnlyBeAccessedByLayers(names.subList(0, i).toArray(String[]::new));
        }
        check(layers);
    }

    /**
     * The package picture of docs/architecture.md is this test's drawing of the code: every package in its layer,
     * every import between packages an arrow. When the code changes, the picture must change with it; the drawing to
     * put in the document is written to {@code target/architecture/packages.mmd}.
     */
    @Test
    void theDocumentsPictureIsTheCodes() throws IOException {
        String drawn = picture();
        Path out = Path.of("target", "architecture", "packages.mmd");
        Files.createDirectories(out.getParent());
        Files.writeString(out, drawn);
        String doc = Files.readString(Path.of("docs", "architecture.md"));
        int start = doc.indexOf(PICTURE_START);
        int end = doc.indexOf(PICTURE_END);
        assertThat(start).as("docs/architecture.md holds the package picture between %s and %s", PICTURE_START,
                PICTURE_END).isNotNegative();
        assertThat(doc.substring(start + PICTURE_START.length(), end).strip())
                .as("the package picture of docs/architecture.md against the code (the code's is in %s)", out)
                .isEqualTo(drawn.strip());
    }

    private static final String PICTURE_START = "<!-- packages: drawn by ArchitectureTest from the code -->";
    private static final String PICTURE_END = "<!-- /packages -->";

    /** The packages' picture in Mermaid: the layers as boxes top to bottom, the imports as arrows. */
    private static String picture() {
        StringBuilder m = new StringBuilder("```mermaid\nflowchart TD\n");
        Set<String> grouped = new HashSet<>();
        GROUPS.values().forEach(grouped::addAll);
        for (String layer : LAYERS.keySet()) {
            String group = GROUPS.entrySet().stream().filter(g -> g.getValue().get(0).equals(layer))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (group != null) {
                m.append("    subgraph ").append(group).append(" [").append(group.toLowerCase(Locale.ROOT)).append("]\n");
            }
            String indent = grouped.contains(layer) ? "        " : "    ";
            m.append(indent).append("subgraph ").append(layer).append(" [").append(layer.toLowerCase(Locale.ROOT))
                    .append("]\n");
            LAYERS.get(layer).forEach(p -> m.append(indent).append("    ").append(p).append("\n"));
            m.append(indent).append("end\n");
            GROUPS.forEach((g, members) -> {
                if (members.get(members.size() - 1).equals(layer)) {
                    m.append("    end\n");
                }
            });
        }
        dependencies().forEach((from, tos) -> tos.stream().filter(to -> !EVERYONE_USES.contains(to)
                || EVERYONE_USES.contains(from)).forEach(to -> m.append("    ").append(from).append(" --> ")
                        .append(to).append("\n")));
        return m.append("```\n").toString();
    }

    /** Each package under org.ipc and the other packages its classes use, in the layers' order. */
    private static Map<String, Set<String>> dependencies() {
        List<String> order = LAYERS.values().stream().flatMap(List::stream).toList();
        Comparator<String> inLayers = Comparator.comparing((String p) -> order.contains(p) ? order.indexOf(p)
                : Integer.MAX_VALUE).thenComparing(Comparator.naturalOrder());
        Map<String, Set<String>> uses = new TreeMap<>(inLayers);
        for (JavaClass c : classes) {
            String from = topPackage(c);
            if (from == null) {
                continue;
            }
            Set<String> to = uses.computeIfAbsent(from, p -> new TreeSet<>(inLayers));
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = topPackage(d.getTargetClass());
                if (target != null && !target.equals(from)) {
                    to.add(target);
                }
            }
        }
        return uses;
    }

    private static String topPackage(JavaClass c) {
        String name = c.getPackageName();
        return name.startsWith("org.ipc.") ? name.substring("org.ipc.".length()).split("\\.")[0] : null;
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

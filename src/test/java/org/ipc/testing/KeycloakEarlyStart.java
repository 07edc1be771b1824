package org.ipc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import io.quarkus.test.junit.TestProfile;

/**
 * Starts the real Keycloak in the background as the test run begins, when the run has a class that runs under
 * {@link KeycloakProfile}: its 20 to 40 s of starting then overlap the tests that come first (the classes of one
 * profile run together, after the default ones), instead of being waited for. Registered with the JUnit Platform in
 * {@code META-INF/services}. Surefire hands the classes over one at a time, so the run's classes are read from the
 * test classes folder, narrowed by the build's {@code -Dtest} selection ({@code ipc.test.selection}): a run of one
 * test that needs no Keycloak starts nothing.
 */
public class KeycloakEarlyStart implements TestExecutionListener {

    /** Surefire's {@code -Dtest}, as the build passes it on; unset (or unresolved) for the whole suite. */
    static final String SELECTION = "ipc.test.selection";
    private static final AtomicBoolean DECIDED = new AtomicBoolean();

    /** Set by the unit tests' runner (Surefire) only: the integration tests' runner never starts Keycloak early. */
    static final String ENABLED = "ipc.test.keycloak.early";

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        if (DECIDED.compareAndSet(false, true) && Boolean.getBoolean(ENABLED) && runNeedsKeycloak()) {
            KeycloakResource.launch();
        }
    }

    static boolean runNeedsKeycloak() {
        return testClassNames().filter(KeycloakEarlyStart::selected).anyMatch(KeycloakEarlyStart::runsUnderKeycloak);
    }

    /** Whether the build's {@code -Dtest} selection (all, when unset) takes the test class {@code name}. */
    static boolean selected(String name) {
        List<Pattern> selected = selection(System.getProperty(SELECTION, ""));
        return selected.isEmpty() || selected.stream().anyMatch(p -> p.matcher(name).matches()
                || p.matcher(name.substring(name.lastIndexOf('.') + 1)).matches());
    }

    /** {@code -Dtest=A,B*,pkg/C#method}: one pattern per entry, methods left aside, {@code *} any characters. */
    static List<Pattern> selection(String test) {
        if (test.isBlank() || test.startsWith("${")) {
            return List.of();
        }
        return Arrays.stream(test.split(",")).map(String::strip).filter(t -> !t.isEmpty() && !t.startsWith("!"))
                .map(t -> t.split("#", 2)[0].replace('/', '.').replaceAll("\\.(java|class)$", ""))
                .map(t -> Pattern.compile(Arrays.stream(t.split("\\*", -1)).map(Pattern::quote)
                        .reduce((a, b) -> a + ".*" + b).orElse(""))).toList();
    }

    private static Stream<String> testClassNames() {
        try {
            Path root = Path.of(KeycloakEarlyStart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files.map(root::relativize).map(Path::toString).filter(f -> f.endsWith(".class"))
                        .filter(f -> !f.contains("$")).map(f -> f.substring(0, f.length() - 6).replace('/', '.'))
                        .toList().stream();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean runsUnderKeycloak(String className) {
        try {
            Class<?> type = Class.forName(className, false, KeycloakEarlyStart.class.getClassLoader());
            TestProfile profile = type.getAnnotation(TestProfile.class);
            return profile != null && profile.value() == KeycloakProfile.class;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a class file of the tests does not load: " + className, e);
        }
    }
}

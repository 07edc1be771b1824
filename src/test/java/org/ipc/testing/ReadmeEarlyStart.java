package org.ipc.testing;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Starts the README's run command ({@link ReadmeRun}) in the background once the suite's first {@code @QuarkusTest}
 * class has finished, when the run includes the README's walk: by then the first Quarkus start (which wants both
 * cores) is done, and dev mode compiles and starts on the core the rest of the suite leaves idle, ready long before
 * the walk, which runs among the last classes (plain tests after the Quarkus ones). Registered with the JUnit Platform
 * in {@code META-INF/services}, for Surefire's runs only (as {@link KeycloakEarlyStart}).
 */
public class ReadmeEarlyStart implements TestExecutionListener {

    static final String WALK = "org.ipc.production.ReadmeWalkTest";
    private static final AtomicBoolean DECIDED = new AtomicBoolean();
    private static volatile boolean wanted;

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        if (DECIDED.compareAndSet(false, true)) {
            wanted = Boolean.getBoolean(KeycloakEarlyStart.ENABLED) && KeycloakEarlyStart.selected(WALK);
            }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (wanted && id.getSource().filter(ClassSource.class::isInstance)
                .map(s -> isQuarkusTest(((ClassSource) s).getJavaClass())).orElse(false)) {
            wanted = false;
            ReadmeRun.launch();
        }
    }

    /** By the annotation's name: the class may have been loaded where Quarkus' annotation is another class object. */
    private static boolean isQuarkusTest(Class<?> type) {
        return Arrays.stream(type.getAnnotations())
                .anyMatch(a -> a.annotationType().getName().equals(QuarkusTest.class.getName()));
    }
}

package org.ipc.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import io.quarkus.test.junit.TestProfile;

/**
 * Starts the real Keycloak in the background as soon as the test run begins, when any of its classes runs under
 * {@link KeycloakProfile}: its 20 to 40 s of starting then overlap the tests that come first (Quarkus runs the
 * classes of one profile together, after the default ones), instead of being waited for. Registered with the JUnit
 * Platform in {@code META-INF/services}; a run without such a class (one test, say) starts nothing.
 */
public class KeycloakEarlyStart implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        Deque<TestIdentifier> open = new ArrayDeque<>(plan.getRoots());
        while (!open.isEmpty()) {
            TestIdentifier id = open.pop();
            if (needsKeycloak(id)) {
                KeycloakResource.launch();
                return;
            }
            open.addAll(plan.getChildren(id));
        }
    }

    private static boolean needsKeycloak(TestIdentifier id) {
        Optional<Class<?>> type = id.getSource().filter(ClassSource.class::isInstance).map(ClassSource.class::cast)
                .map(ClassSource::getJavaClass);
        return type.map(c -> c.getAnnotation(TestProfile.class)).map(p -> p.value() == KeycloakProfile.class)
                .orElse(false);
    }
}

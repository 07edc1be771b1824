package org.ipc.operations;

import java.util.List;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.ipc.devmode.DevDatabase;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The service's entry point. The packaged service first checks the settings it cannot start without
 * ({@link StartupChecks}) and, on a mistake, stops with one line per mistake naming the environment variable, and
 * exit code 1. Dev mode ({@code ./mvnw quarkus:dev}) skips them and starts its own PostgreSQL instead
 * ({@link DevDatabase}). Then Quarkus starts as usual.
 */
@QuarkusMain
public final class Main {

    /** The class loader Quarkus' development tools (dev mode, its test launchers) load the application with. */
    static final String DEVELOPMENT_LOADER = "io.quarkus.bootstrap.classloading.QuarkusClassLoader";

    private Main() {
    }

    public static void main(String... args) {
        if (launchedByDevelopmentTools(Main.class.getClassLoader())) {
            DevDatabase.startUnlessConfigured();
        } else {
            List<String> problems = problems();
            if (!problems.isEmpty()) {
                problems.forEach(problem -> System.err.println("Configuration error: " + problem));
                System.exit(1);
            }
        }
        Quarkus.run(args);
    }

    /**
     * Decided by how this class was loaded, which is certain before anything starts: the packaged service runs from
     * the runner's class loader of {@code quarkus-app/} (or the JVM's, from an uber-jar), dev mode from Quarkus'
     * bootstrap loader. The launch mode is not: {@code LaunchMode.current()} still reads {@code NORMAL} here in dev
     * mode, because Quarkus sets it only as the application starts.
     */
    static boolean launchedByDevelopmentTools(ClassLoader loader) {
        return loader != null && DEVELOPMENT_LOADER.equals(loader.getClass().getName());
    }

    private static List<String> problems() {
        Config config = ConfigProvider.getConfig();
        try {
            return StartupChecks.problems(name -> config.getOptionalValue(name, String.class));
        } finally {
            // Quarkus builds and registers its own configuration as it starts
            ConfigProviderResolver.instance().releaseConfig(config);
        }
    }
}

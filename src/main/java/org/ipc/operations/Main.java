package org.ipc.operations;

import java.util.List;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The packaged service's entry point: in production it first checks the settings it cannot start without
 * ({@link StartupChecks}) and, on a mistake, stops with one line per mistake naming the environment variable, and
 * exit code 1; then it starts Quarkus as usual. Dev mode and tests start without these checks.
 */
@QuarkusMain
public final class Main {

    private Main() {
    }

    public static void main(String... args) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            Config config = ConfigProvider.getConfig();
            List<String> problems;
            try {
                problems = StartupChecks.problems(name -> config.getOptionalValue(name, String.class));
            } finally {
                // Quarkus builds and registers its own configuration as it starts
                ConfigProviderResolver.instance().releaseConfig(config);
            }
            if (!problems.isEmpty()) {
                problems.forEach(problem -> System.err.println("Configuration error: " + problem));
                System.exit(1);
            }
        }
        Quarkus.run(args);
    }
}

package org.ipc.testing;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Every {@code @QuarkusTest} keeps its documents in a real S3-compatible store ({@link S3Server}), as production
 * does; the directory and database storages have their own tests.
 */
public class S3Resource implements QuarkusTestResourceLifecycleManager {

    private static S3Server server;

    @Override
    public Map<String, String> start() {
        server = S3Server.start(Path.of("target", "s3-test-" + ProcessHandle.current().pid()));
        return server.serviceConfig();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** The server the service stores its documents in, while the tests run. */
    public static S3Server server() {
        return server;
    }
}

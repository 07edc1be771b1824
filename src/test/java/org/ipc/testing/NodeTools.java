package org.ipc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The build's npm tools (bpmnlint, axe-core, Redocly CLI), installed from {@code package-lock.json} by {@code npm ci} the first
 * time a test needs one of them and finds {@code node_modules/} without it: whichever test runs first on a fresh
 * checkout installs them all, and Node.js with npm is a README prerequisite.
 */
public final class NodeTools {

    public static final Path BPMNLINT = Path.of("node_modules", ".bin", "bpmnlint");
    public static final Path AXE = Path.of("node_modules", "axe-core", "axe.min.js");
    public static final Path REDOCLY = Path.of("node_modules", ".bin", "redocly");

    private NodeTools() {
    }

    /** Makes sure {@code tool} is there, running {@code npm ci} once if it is not. */
    public static synchronized Path require(Path tool) throws IOException, InterruptedException {
        if (!Files.exists(tool)) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").redirectErrorStream(true).start();
            String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(npm.waitFor()).as("npm ci:\n%s", output).isZero();
        }
        assertThat(tool).as("npm ci installs %s (package.json, package-lock.json)", tool).exists();
        return tool;
    }
}

package org.ipc.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The models pass bpmn.io's own linter (npm bpmnlint, pinned in package-lock.json, rules of {@code .bpmnlintrc}:
 * {@code bpmnlint:recommended}), run through its npm package, so a model that gains an error fails the build. The
 * linter is installed from the lock file when missing (node and npm are prerequisites, see the README).
 */
class ProcessModelsLintTest {

    private static final Path BPMNLINT = org.ipc.testing.NodeTools.BPMNLINT;

    /** What one run of a command printed, and how it ended. */
    record Run(int exit, String output) {
    }

    @BeforeAll
    static void installTheLinterFromTheLockFile() throws Exception {
        org.ipc.testing.NodeTools.require(BPMNLINT);
    }

    @Test
    void everyModelPassesTheRecommendedRules() throws Exception {
        List<String> command = new ArrayList<>(List.of(BPMNLINT.toString()));
        ProcessDeployer.MODELS.forEach(model -> command.add(Path.of("bpmn", model).toString()));
        Run lint = run(command);
        assertThat(lint.exit()).as("bpmnlint bpmn/*.bpmn:\n%s", lint.output()).isZero();
    }

    @Test
    void theLinterCatchesAnUnlabelledChoice() throws Exception {
        Path broken = Path.of("target", "lint", "unlabelled-flow.bpmn");
        Files.createDirectories(broken.getParent());
        String model = Files.readString(Path.of("bpmn", "second-opinion.bpmn"));
        String unlabelled = model.replace("id=\"Flow_InterpreterNeeded\" name=\"yes\"", "id=\"Flow_InterpreterNeeded\"");
        assertThat(unlabelled).isNotEqualTo(model);
        Files.writeString(broken, unlabelled);
        Files.copy(Path.of(".bpmnlintrc"), broken.resolveSibling(".bpmnlintrc"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Run lint = run(List.of(BPMNLINT.toAbsolutePath().toString(), broken.toString()));
        assertThat(lint.exit()).isNotZero();
        assertThat(lint.output()).contains("Flow_InterpreterNeeded").contains("label-required");
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}

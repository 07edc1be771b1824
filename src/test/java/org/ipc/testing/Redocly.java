package org.ipc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Redocly CLI's lint ({@code @redocly/cli}, pinned in package-lock.json, rules of {@code redocly.yaml}) over an OpenAPI
 * document, read from its JSON report. Its telemetry and update check are off: the build talks to no one.
 */
public final class Redocly {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the lint found: totals, and how many problems each rule reported. */
    public record Lint(int errors, int warnings, Map<String, Integer> byRule, String report) {

        /** One line per rule, as {@code redocly lint --format=summary} prints them. */
        public String summary() {
            StringBuilder s = new StringBuilder(errors + " errors, " + warnings + " warnings");
            byRule.forEach((rule, count) -> s.append("\n  ").append(rule).append(": ").append(count));
            return s.toString();
        }
    }

    private Redocly() {
    }

    public static Lint lint(Path document) throws IOException, InterruptedException {
        Path redocly = NodeTools.require(NodeTools.REDOCLY);
        ProcessBuilder builder = new ProcessBuilder(redocly.toString(), "lint", document.toString(), "--config",
                "redocly.yaml", "--format=json", "--max-problems=1000").redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process = builder.start();
        String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("redocly lint finished").isTrue();
        JsonNode json = JSON.readTree(report);
        Map<String, Integer> byRule = new TreeMap<>();
        json.path("problems").forEach(p -> byRule.merge(p.path("severity").asText() + " " + p.path("ruleId").asText(),
                1, Integer::sum));
        return new Lint(json.at("/totals/errors").asInt(-1), json.at("/totals/warnings").asInt(-1), byRule, report);
    }
}

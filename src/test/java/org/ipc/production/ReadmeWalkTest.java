package org.ipc.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ipc.cases.CaseStatus;
import org.ipc.testing.ReadmeRun;
import org.ipc.testing.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README is a contract. Its run command, as the README writes it, starts the service from a copy of this checkout
 * as a fresh clone has it (on a free port, the one thing the test chooses; {@link ReadmeRun}, started in the background
 * early in the suite), and its curl walk, read from README.md's walk section now rather than
 * copied here, runs against it in one shell. The README's own words are the expectations: a comment that promises
 * statuses in parentheses, "(404)", "(400 problem+json)", gets exactly those, in that order, among the calls that
 * follow it, and every other call answers 2xx; a comment that names a case status ("UNDER_REVIEW") sees a call
 * after it answer with that status; the ids the walk needs are found; the service is healthy afterwards and the
 * pages it names sign in. Figures and the calls as seen land in {@code target/readme/walk.md}.
 */
class ReadmeWalkTest {

    private static final Path WORK = ReadmeRun.WORK;
    private static final Pattern CALL = Pattern.compile(
            "^WALK-CALL (\\d+) (\\d{3}) (\\S+) (\\S+) (\\S*)$");
    private static final Pattern PROMISED_STATUS = Pattern.compile("\\((\\d{3})\\b([^)]*)\\)");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static int port;
    private static long readyMillis;
    private static String runCommand;

    /** One call of the walk, as curl saw it. */
    record Call(int number, int status, String method, String url, String contentType, String answer) {
    }

    /** A comment of the walk and the calls made after it, up to the next comment. */
    record Step(String comment, List<Call> calls) {
    }

    @BeforeAll
    static void theRunCommandAsWrittenIsReady() throws Exception {
        ReadmeRun.launch();
        runCommand = ReadmeRun.command();
        assertThat(runCommand).as("the README's run command").isNotBlank().doesNotContain("\n");
        port = ReadmeRun.port();
        readyMillis = ReadmeRun.awaitReady(Duration.ofMinutes(5));
    }

    @AfterAll
    static void stopIt() {
        Process run = ReadmeRun.process();
        if (run == null) {
            return;
        }
        ReadmeRun.stop();
        assertThat(run.isAlive()).as("the run command ends when stopped").isFalse();
        Path pid = ReadmeRun.CHECKOUT.resolve(Path.of("target", "dev-postgres", "data", "postmaster.pid"));
        assertThat(pid).as("dev mode's PostgreSQL stops with it").doesNotExist();
    }

    @Test
    void theWalkAnswersAsTheReadmeSays() throws Exception {
        List<String> blocks = ReadmeRun.blocks(ReadmeRun.section("## Walk the first slice with curl"));
        assertThat(blocks).as("the walk's sh blocks").isNotEmpty();
        List<String> comments = new ArrayList<>();
        String script = walkScript(blocks, comments);
        Files.writeString(WORK.resolve("walk.sh"), script);

        ProcessBuilder walk = new ProcessBuilder("bash", WORK.resolve("walk.sh").toString())
                .redirectOutput(WORK.resolve("walk.out").toFile()).redirectError(WORK.resolve("walk.err").toFile());
        walk.environment().put("PATH", curlWrapper() + ":" + System.getenv("PATH"));
        walk.environment().put("WALK_DIR", WORK.toString());
        Process shell = walk.start();
        assertThat(shell.waitFor(3, TimeUnit.MINUTES)).as("the walk ends").isTrue();

        List<String> events = Files.readAllLines(WORK.resolve("walk.err"));
        List<Step> steps = steps(events, comments);
        Map<String, String> vars = vars(events);
        report(steps);

        List<Call> calls = steps.stream().flatMap(s -> s.calls().stream()).toList();
        assertThat(calls).as("calls of the walk").hasSizeGreaterThan(10);
        assertThat(calls).as("no call fails or answers 5xx").allSatisfy(c -> assertThat(c.status()).isBetween(200, 499));
        for (Step step : steps) {
            List<Integer> promised = new ArrayList<>();
            Matcher m = PROMISED_STATUS.matcher(step.comment());
            while (m.find()) {
                promised.add(Integer.parseInt(m.group(1)));
                if (m.group(2).contains("problem+json")) {
                    Call answering = step.calls().stream().filter(c -> c.status() == Integer.parseInt(m.group(1)))
                            .findFirst().orElseThrow(() -> new AssertionError("no " + m.group(1) + " after: "
                                    + step.comment()));
                    assertThat(answering.contentType()).as(step.comment()).startsWith("application/problem+json");
                }
            }
            List<Integer> others = step.calls().stream().map(Call::status).filter(s -> s / 100 != 2).toList();
            assertThat(others).as("statuses other than 2xx after \"%s\"", step.comment()).isEqualTo(promised);
            for (CaseStatus status : CaseStatus.values()) {
                if (step.comment().matches("(?s).*\\b" + status.name() + "\\b.*")) {
                    assertThat(step.calls()).as("a call after \"%s\" answers %s", step.comment(), status)
                            .anyMatch(c -> c.answer().contains("\"status\":\"" + status.name() + "\""));
                }
            }
        }
        // the bad input names each bad field: the README's country and time zone
        Call bad = calls.stream().filter(c -> c.status() == 400).findFirst().orElseThrow();
        assertThat(bad.answer()).contains("\"field\":\"patient.countryOfResidence\"", "\"field\":\"patient.timeZone\"");
        // the ids the walk needs were found
        assertThat(vars.get("CASE")).as("the case id the walk found").matches(ID);
        assertThat(vars.get("TASK")).as("the task id the walk found").matches(ID);
        assertThat(vars.get("COORDINATOR")).as("a token").isNotBlank();

        // healthy afterwards, and the pages the README names sign in as its demo users
        HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base()
                + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\": \"UP\"");
        WebSession coordinator = WebSession.signIn(URI.create(base()), "coordinator");
        assertThat(coordinator.landing().statusCode()).isEqualTo(200);
        assertThat(coordinator.landing().body()).contains("International Patient Center");
        HttpResponse<String> casePage = coordinator.get("/inbox/cases/" + vars.get("CASE"));
        assertThat(casePage.statusCode()).isEqualTo(200);
        assertThat(casePage.body()).as("the walk's case on the coordinator's page").contains("Souza",
                "Lab values attached.", "labs.txt");
        WebSession physician = WebSession.signIn(URI.create(base()), "physician", "/portal", null);
        assertThat(physician.landing().statusCode()).isEqualTo(200);
        assertThat(physician.landing().body()).as("the physician's own cases").contains("Souza", "Lima");
        assertThat(errorLines()).as("ERROR lines in the service's log (" + WORK.resolve("run.log") + ")").isEmpty();
    }

    /** The walk as one shell script: each comment announced, the ids reported after each block. */
    private static String walkScript(List<String> blocks, List<String> comments) {
        StringBuilder script = new StringBuilder("set -u\n");
        for (String block : blocks) {
            for (String line : block.split("\n")) {
                if (line.strip().startsWith("#")) {
                    comments.add(line.strip().substring(1).strip());
                    script.append("echo 'WALK-NOTE ").append(comments.size() - 1).append("' >&2\n");
                }
                script.append(line.replace("localhost:8080", "localhost:" + port)).append('\n');
            }
            script.append("printf 'WALK-VAR %s\\n' \"CASE=${CASE:-}\" \"TASK=${TASK:-}\" \"COORDINATOR=${COORDINATOR:+a token}\""
                    + " >&2\n");
        }
        return script.toString();
    }

    /**
     * A {@code curl} first on the walk's PATH: the real one, reporting each call's status, method, URL and type on
     * standard error and keeping its answer for the test, its standard output untouched for the walk.
     */
    private static Path curlWrapper() throws IOException {
        String real = Arrays.stream(System.getenv("PATH").split(":")).map(d -> Path.of(d, "curl"))
                .filter(Files::isExecutable).findFirst().orElseThrow(() -> new AssertionError("no curl on PATH"))
                .toString();
        Path bin = Files.createDirectories(WORK.resolve("bin"));
        Path curl = bin.resolve("curl");
        Files.writeString(curl, """
                #!/bin/sh
                n=$(( $(cat "$WALK_DIR/calls" 2>/dev/null || echo 0) + 1 ))
                echo "$n" > "$WALK_DIR/calls"
                %s -w '%%{stderr}WALK-CALL '"$n"' %%{http_code} %%{method} %%{url_effective} %%{content_type}\\n' "$@" \\
                  | tee "$WALK_DIR/call-$n.out"
                """.formatted(real));
        Files.setPosixFilePermissions(curl, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.deleteIfExists(WORK.resolve("calls"));
        return bin;
    }

    private static List<Step> steps(List<String> events, List<String> comments) throws IOException {
        List<Step> steps = new ArrayList<>();
        List<Call> current = new ArrayList<>();
        String comment = "(before any comment)";
        for (String event : events) {
            if (event.startsWith("WALK-NOTE ")) {
                steps.add(new Step(comment, current));
                comment = comments.get(Integer.parseInt(event.substring("WALK-NOTE ".length()).strip()));
                current = new ArrayList<>();
            }
            Matcher call = CALL.matcher(event);
            if (call.matches()) {
                int n = Integer.parseInt(call.group(1));
                current.add(new Call(n, Integer.parseInt(call.group(2)), call.group(3), call.group(4), call.group(5),
                        Files.readString(WORK.resolve("call-" + n + ".out"))));
            }
        }
        steps.add(new Step(comment, current));
        return steps;
    }

    private static Map<String, String> vars(List<String> events) {
        Map<String, String> vars = new LinkedHashMap<>();
        events.stream().filter(e -> e.startsWith("WALK-VAR ")).map(e -> e.substring("WALK-VAR ".length()))
                .filter(e -> e.contains("=")).forEach(e -> {
                    String[] kv = e.split("=", 2);
                    if (!kv[1].isEmpty()) {
                        vars.put(kv[0], kv[1]);
                    }
                });
        return vars;
    }

    private static void report(List<Step> steps) throws IOException {
        StringBuilder md = new StringBuilder("# The README's run command and walk, as the test saw them\n\n")
                .append("Run command: `").append(runCommand).append("` on port ").append(port)
                .append("; ready (`/q/health/ready` 200) after ").append(String.format("%.1f", readyMillis / 1000.0))
                .append(" s.\n\n| # | status | call | README's comment before it |\n| ---: | ---: | --- | --- |\n");
        for (Step step : steps) {
            for (Call c : step.calls()) {
                md.append("| ").append(c.number()).append(" | ").append(c.status()).append(" | ").append(c.method())
                        .append(' ').append(c.url().replace("localhost:" + port, "localhost:8080")).append(" | ")
                        .append(step.comment().replace("|", "\\|")).append(" |\n");
            }
        }
        Files.writeString(WORK.resolve("walk.md"), md);
        System.out.println(md);
    }

    private static List<String> errorLines() throws IOException {
        return Files.readAllLines(WORK.resolve("run.log")).stream()
                .filter(l -> l.matches("^\\d{4}-\\d\\d-\\d\\d \\S+ ERROR .*")).toList();
    }

    private static String base() {
        return "http://localhost:" + port;
    }
}

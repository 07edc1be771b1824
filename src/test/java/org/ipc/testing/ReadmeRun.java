package org.ipc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The README's run command, as the README writes it, running from a copy of this checkout as a fresh clone has it (the
 * files git tracks, and those it would track: nothing of {@code target/}), on a free port (the one thing the tests
 * choose). Launched once per test JVM, in the background: {@link ReadmeEarlyStart} starts it while the suite's first
 * tests run, so that its compiling and starting use the core those tests leave idle, and the README's walk
 * ({@code production/ReadmeWalkTest}) finds it ready; a run of the walk alone starts it itself.
 */
public final class ReadmeRun {

    public static final Path README = Path.of("README.md");
    public static final Path WORK = Path.of("target", "readme").toAbsolutePath();
    /** The copy of the checkout the run command runs in. */
    public static final Path CHECKOUT = WORK.resolve("checkout");
    private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

    private static Process run;
    private static String command;
    private static int port;
    private static volatile long readyMillis = -1;

    private ReadmeRun() {
    }

    /** Starts the run command, unless it runs already; a thread notes when the service first answers ready. */
    public static synchronized void launch() {
        if (run != null) {
            return;
        }
        try {
            Files.createDirectories(WORK);
            command = firstBlock(section("## Run it")).strip();
            copyCheckout();
            port = FreePorts.next();
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(CHECKOUT.toFile())
                    .redirectErrorStream(true).redirectOutput(WORK.resolve("run.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
            long started = System.nanoTime();
            run = builder.start();
            System.out.println("README's run command started (pid " + run.pid() + ", port " + port + "; log in "
                    + WORK.resolve("run.log") + ")");
            Runtime.getRuntime().addShutdownHook(new Thread(ReadmeRun::stop, "readme-run-stop"));
            Thread watch = new Thread(() -> watchReadiness(started), "readme-run-ready");
            watch.setDaemon(true);
            watch.start();
        } catch (IOException e) {
            throw new UncheckedIOException("the README's run command did not start", e);
        }
    }

    private static void watchReadiness(long started) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Process process = run;
        while (process.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    readyMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Waits until the service answers ready; the time from the start to ready, in milliseconds. */
    public static long awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (readyMillis < 0) {
            if (!run.isAlive()) {
                throw new AssertionError("the run command stopped before the service was ready; see "
                        + WORK.resolve("run.log") + ":\n" + tail(WORK.resolve("run.log")));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not ready within " + limit + "; see " + WORK.resolve("run.log"));
            }
            Thread.sleep(250);
        }
        return readyMillis;
    }

    /** The dev JVM first (its shutdown hook stops dev mode's PostgreSQL), then Maven and the shell. */
    public static synchronized void stop() {
        if (run == null || !run.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(run.descendants().toList());
        Collections.reverse(tree);
        try {
            for (ProcessHandle p : tree) {
                p.destroy();
                p.onExit().get(60, TimeUnit.SECONDS);
            }
            run.destroy();
            run.waitFor(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            tree.forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
            throw new IllegalStateException("the README's run command did not stop", e);
        }
    }

    public static Process process() {
        return run;
    }

    public static String command() {
        return command;
    }

    public static int port() {
        return port;
    }

    public static String base() {
        return "http://localhost:" + port;
    }

    /** A section of README.md, from its heading to the next one of the same level. */
    public static String section(String heading) throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf("\n" + heading);
        if (start < 0) {
            throw new AssertionError("README.md has no section " + heading);
        }
        int end = readme.indexOf("\n## ", start + heading.length());
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    public static List<String> blocks(String section) {
        List<String> blocks = new ArrayList<>();
        Matcher m = SH_BLOCK.matcher(section);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    public static String firstBlock(String section) {
        return blocks(section).stream().findFirst().orElseThrow(() -> new AssertionError("no sh block in " + section));
    }

    public static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The checkout's files as a fresh clone has them: git's tracked and not ignored ones, executable bits kept. */
    private static void copyCheckout() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        if (Files.exists(CHECKOUT)) {
            try (Stream<Path> old = Files.walk(CHECKOUT)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                .directory(root.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String listed = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (git.waitFor() != 0) {
                throw new IOException("git ls-files failed in " + root);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted listing the checkout", e);
        }
        for (String name : listed.split("\0")) {
            Path from = root.resolve(name);
            if (name.isEmpty() || !Files.isRegularFile(from)) {
                continue; // deleted in the working tree, or a submodule
            }
            Path to = CHECKOUT.resolve(name);
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}

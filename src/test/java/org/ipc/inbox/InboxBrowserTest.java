package org.ipc.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ipc.cases.CaseStatus;
import org.ipc.testing.KeycloakProfile;
import org.ipc.testing.Portal;
import org.ipc.testing.ProcessDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * A coordinator works cases in a real headless Chromium (Debian's package): signs in on the login page of a real
 * Keycloak (the realm of k8s/keycloak with the demo users), finds the intake task of a case a physician submitted over
 * REST, claims it, completes its form beside the case and sees the case move on; then does the same with the keyboard
 * only, bulk-claims two tasks with it, and saves a filter. axe-core (npm, injected into the page) checks the inbox
 * list, a task page, the case page and the filter editor: no serious or critical violation; its findings go to
 * target/axe-inbox.md. Screenshots land in target/screenshots/.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class InboxBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path AXE_REPORT = Path.of("target", "axe-inbox.md");
    /** What axe found per page, across this class's tests, for the report. */
    private static final Map<String, List<Map<String, Object>>> AXE_FINDINGS = new LinkedHashMap<>();

    @TestHTTPResource("/inbox")
    URL inbox;

    @Inject
    ProcessDriver process;

    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void startChromium() throws IOException {
        assertThat(CHROMIUM).as("Debian's chromium and chromium-driver are README prerequisites").exists();
        assertThat(CHROMEDRIVER).exists();
        profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1100", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterAll
    static void writeTheAxeReport() throws IOException {
        if (AXE_FINDINGS.isEmpty()) {
            return;
        }
        StringBuilder md = new StringBuilder("# axe-core on the inbox pages\n\naxe-core ")
                .append(axeVersion()).append(", rules of WCAG 2.0/2.1 A and AA and best practices, in headless Chromium.\n\n")
                .append("| page | violations (impact: rule, nodes) |\n| --- | --- |\n");
        AXE_FINDINGS.forEach((page, violations) -> md.append("| ").append(page).append(" | ")
                .append(violations.isEmpty() ? "none" : String.join("; ", violations.stream()
                        .map(v -> v.get("impact") + ": " + v.get("id") + " (" + v.get("help") + "), " + v.get("nodes")
                                + " node(s): " + v.get("targets"))
                        .toList()))
                .append(" |\n"));
        Files.createDirectories(AXE_REPORT.getParent());
        Files.writeString(AXE_REPORT, md.toString());
    }

    @Test
    void coordinatorSignsInClaimsAndCompletesTheIntakeTaskBesideTheCaseAndSeesTheCaseMoveOn() throws IOException, InterruptedException {
        // given a physician's case, submitted over REST
        String caseId = Portal.submit("physician");
        String reference = Portal.referenceOf(caseId);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        // when the coordinator opens the inbox, the realm asks them to sign in
        browser.get(inbox.toString());
        signIn(wait, "coordinator");
        assertThat(browser.findElement(By.cssSelector("header .who")).getText()).isEqualTo("Signed in as Lin Wei");

        // then, looking the case up by its reference, their queue lists its intake task, in words
        findCase(wait, reference);
        By row = By.cssSelector("tr[data-case='" + reference + "'][data-task-key='IntakeReview']");
        WebElement task = wait.until(ExpectedConditions.presenceOfElementLocated(row));
        assertThat(task.getText()).contains("Intake review").contains("Portuguese (Brazil)").contains("Cancer Center")
                .contains("Submitted").contains("Ana Souza").doesNotContain("pt-BR").doesNotContain("cancer-center");
        assertThat(browser.findElement(By.cssSelector("section.queues")).getText())
                .contains("Portuguese-speaking coordinators").doesNotContain("coordinator:pt");
        screenshot("1-inbox");

        // claim it: the task page shows the case beside the form
        task.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("f-decision")));
        WebElement beside = browser.findElement(By.cssSelector("aside.case-beside"));
        assertThat(beside.getText()).contains(reference).contains("Ana Souza").contains("Brazil")
                .contains("Portuguese (Brazil)").contains("Sao Paulo").contains("Second opinion").contains("Cancer Center")
                .contains("Synthetic summary: suspected lesion").contains("Messages with the referring physician")
                .contains("Timeline");
        assertThat(beside.findElements(By.cssSelector(".svg-frame svg"))).as("the process drawn").hasSize(1);
        assertThat(beside.findElements(By.cssSelector("textarea#message"))).as("a reply box").hasSize(1);
        new Select(browser.findElement(By.id("f-decision"))).selectByValue("accept");
        browser.findElement(By.id("f-recordsComplete")).click();
        browser.findElement(By.id("f-recordsInEnglish")).click();
        screenshot("2-task-form");
        browser.findElement(By.cssSelector("form.task-form button.primary")).click();

        // the case page shows it under review, at the specialist's step, highlighted in the process drawing, with its
        // point of contact by name
        WebElement status = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1 .status")));
        assertThat(status.getText()).isEqualTo("Under review");
        assertThat(browser.findElement(By.cssSelector(".steps")).getText())
                .isEqualTo("Specialist review and written opinion");
        assertThat(browser.findElement(By.cssSelector(".owner")).getText()).isEqualTo("Lin Wei");
        assertThat(browser.findElements(By.cssSelector("g.current[data-element-id='SpecialistReview']"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("section[aria-label='Open tasks']")).getText())
                .contains("Specialist review and written opinion (unassigned)");
        screenshot("3-case-page");
        assertThat(ProcessDriver.status(caseId)).isEqualTo(CaseStatus.UNDER_REVIEW);
        assertThat(ProcessDriver.owner(caseId)).isEqualTo(subjectOf("coordinator"));
    }

    @Test
    void withTheKeyboardOnlyACoordinatorClaimsCompletesBulkClaimsAndSavesAFilterAndAxeFindsNothingSerious()
            throws IOException, InterruptedException {
        Map<String, Object> chinese = Map.of("preferredLanguage", "zh", "countryOfResidence", "CN",
                "timeZone", "Asia/Shanghai", "givenName", "Mei", "familyName", "Zhang");
        String first = Portal.submit("physician", "SECOND_OPINION", chinese);
        String second = Portal.submit("physician", "SECOND_OPINION", chinese);
        String third = Portal.submit("physician", "SECOND_OPINION", chinese);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        String queue = inbox + "?queue=coordinator:zh";
        browser.get(queue);
        signIn(wait, "coordinator");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-case]")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Chinese-speaking coordinators");
        String firstTask = taskOf(first);
        String secondTask = taskOf(second);
        String thirdTask = taskOf(third);
        axe("Inbox list (a queue)");
        screenshot("4-queue");

        // claim the first: Tab to its Claim button, Enter
        tabTo("tr[data-task='" + firstTask + "'] button[formaction]");
        press(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("f-decision")));
        axe("Task page (the case beside the form)");
        screenshot("5-task-by-keyboard");

        // fill the form: arrow keys in the choice, Space on the boxes, Enter on Complete
        tabTo("#f-decision");
        for (int i = 0; i < 3 && !"accept".equals(value("#f-decision")); i++) {
            press(Keys.ARROW_DOWN);
        }
        assertThat(value("#f-decision")).isEqualTo("accept");
        tabTo("#f-recordsComplete");
        press(Keys.SPACE);
        tabTo("#f-recordsInEnglish");
        press(Keys.SPACE);
        tabTo("form.task-form button.primary");
        press(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1 .status")));
        assertThat(ProcessDriver.status(first)).isEqualTo(CaseStatus.UNDER_REVIEW);
        axe("Case page");
        screenshot("6-case-after-keyboard");

        // bulk-claim the other two: Space on their boxes, then back to the Claim button of the selection
        browser.get(queue);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pick-" + secondTask)));
        tabTo("#pick-" + secondTask);
        press(Keys.SPACE);
        tabTo("#pick-" + thirdTask);
        press(Keys.SPACE);
        tabBackTo("fieldset.bulk-actions button[value='claim']");
        screenshot("7-bulk-selection");
        press(Keys.ENTER);
        WebElement report = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bulk-report")));
        assertThat(report.getText()).contains("2 claimed");
        assertThat(List.of(assigneeOf(second), assigneeOf(third))).containsOnly(subjectOf("coordinator"));
        screenshot("8-bulk-claimed");

        // live: a task that arrives in the queue shows up in the open page without a reload (the page's own script
        // polls the counts' stamp and swaps the list in)
        browser.get(queue);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[data-live='list'] table")));
        assertThat(browser.findElements(By.cssSelector("tr[data-case]"))).as("all claimed: the queue is empty").isEmpty();
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
        String fourth = Portal.submit("physician", "SECOND_OPINION", chinese);
        String fourthReference = Portal.referenceOf(fourth);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-case='" + fourthReference + "']")));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"))
                .as("the list changed without a full reload").isEqualTo(true);
        screenshot("9-live-list");

        // the filter editor: a shared filter, typed and chosen with the keyboard
        browser.get(inbox + "/filters");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("filter-name")));
        axe("Filter editor");
        tabTo("#filter-name");
        String name = "Chinese, by priority " + System.nanoTime() % 10_000;
        browser.switchTo().activeElement().sendKeys(name);
        tabTo("#filter-shared");
        for (int i = 0; i < 10 && !"coordinator:zh".equals(value("#filter-shared")); i++) {
            press(Keys.ARROW_DOWN);
        }
        tabTo("#filter-queue");
        for (int i = 0; i < 10 && !"coordinator:zh".equals(value("#filter-queue")); i++) {
            press(Keys.ARROW_DOWN);
        }
        tabTo("#filter-sort");
        press(Keys.ARROW_DOWN);
        assertThat(value("#filter-sort")).isEqualTo("priority");
        screenshot("10-filter-editor");
        tabTo("form.filter-form button.primary");
        press(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("filter="));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
        assertThat(browser.findElement(By.cssSelector("nav[aria-label='Saved filters']")).getText()).contains(name);
        screenshot("11-saved-filter");

        assertThat(AXE_FINDINGS.values().stream().flatMap(List::stream)
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))).toList())
                .as("serious or critical accessibility violations").isEmpty();
    }

    @Test
    void aFormWithMissingFieldsComesBackNamingThem() throws IOException {
        String caseId = Portal.submit("physician");
        String reference = Portal.referenceOf(caseId);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(inbox.toString());
        signIn(wait, "coordinator");
        findCase(wait, reference);
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-case='" + reference + "'] button[type='submit']"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("f-decision")));
        // the browser's own "required" check is what a person meets first; skip it to reach the server's
        ((JavascriptExecutor) browser).executeScript("document.querySelector('form.task-form').noValidate = true;");
        browser.findElement(By.cssSelector("form.task-form button.primary")).click();
        WebElement errors = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".errors")));
        assertThat(errors.getText()).contains("decision: is required");
        assertThat(browser.findElements(By.cssSelector("aside.case-beside"))).as("the case stays beside the form")
                .hasSize(1);
        assertThat(ProcessDriver.status(caseId)).isEqualTo(CaseStatus.SUBMITTED);
    }

    // ---- keyboard ---------------------------------------------------------------------------------------------------

    /** Presses Tab until the element matching {@code css} has the focus. */
    private void tabTo(String css) {
        moveFocus(css, false);
    }

    /** Presses Shift+Tab until the element matching {@code css} has the focus. */
    private void tabBackTo(String css) {
        moveFocus(css, true);
    }

    private void moveFocus(String css, boolean backwards) {
        for (int i = 0; i < 400; i++) {
            if (Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                    "return document.activeElement !== null && document.activeElement.matches(arguments[0]);", css))) {
                return;
            }
            Actions keys = new Actions(browser);
            if (backwards) {
                keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            } else {
                keys.sendKeys(Keys.TAB).perform();
            }
        }
        throw new AssertionError("the keyboard never reached " + css);
    }

    private void press(CharSequence key) {
        new Actions(browser).sendKeys(key).perform();
    }

    private String value(String css) {
        return (String) ((JavascriptExecutor) browser)
                .executeScript("return document.querySelector(arguments[0]).value;", css);
    }

    // ---- axe-core ---------------------------------------------------------------------------------------------------

    /** Runs axe-core on the page as it stands and keeps its violations for the report. */
    private void axe(String page) throws IOException, InterruptedException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(Files.readString(org.ipc.testing.NodeTools.require(org.ipc.testing.NodeTools.AXE),
                StandardCharsets.UTF_8));
        Object answer = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
                + " 'best-practice']}}).then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id,"
                + " impact: v.impact, help: v.help, nodes: v.nodes.length,"
                + " targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')})))))"
                + ".catch(e => done('failed: ' + e));");
        assertThat(String.valueOf(answer)).as("axe ran").startsWith("[");
        List<Map<String, Object>> violations = new ObjectMapper().readValue(String.valueOf(answer),
                new TypeReference<List<Map<String, Object>>>() { });
        AXE_FINDINGS.put(page, new ArrayList<>(violations));
    }

    private static String axeVersion() {
        try {
            return new ObjectMapper().readTree(Path.of("node_modules", "axe-core", "package.json").toFile())
                    .path("version").asText();
        } catch (IOException e) {
            return "(version unknown)";
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /** Keycloak's own login page: the demo user's name and password (the same). */
    private void signIn(WebDriverWait wait, String user) throws IOException {
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.id("username")));
        assertThat(browser.getCurrentUrl()).contains("/realms/ipc/").contains("client_id=ipc-inbox")
                .contains("code_challenge_method=S256");
        screenshot("0-keycloak-sign-in");
        name.sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.urlContains("/inbox"));
    }

    private String taskOf(String caseId) {
        return process.task(caseId, "IntakeReview").getId();
    }

    private String assigneeOf(String caseId) {
        return process.task(caseId, "IntakeReview").getAssignee();
    }

    /** The user's stable Keycloak subject, which the service records as case owner. */
    private static String subjectOf(String user) {
        String payload = org.ipc.testing.Tokens.of(user).split("\\.")[1];
        try {
            return new ObjectMapper().readTree(java.util.Base64.getUrlDecoder().decode(payload)).path("sub").asText();
        } catch (IOException e) {
            throw new AssertionError("unreadable token", e);
        }
    }

    private void findCase(WebDriverWait wait, String reference) {
        WebElement search = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case")));
        search.sendKeys(reference);
        search.submit();
        wait.until(ExpectedConditions.urlContains("case=" + reference));
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve("inbox-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}

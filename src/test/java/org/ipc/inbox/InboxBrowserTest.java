package org.ipc.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.ipc.cases.CaseStatus;
import org.ipc.testing.KeycloakProfile;
import org.ipc.testing.Portal;
import org.ipc.testing.ProcessDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A coordinator works a case in a real headless Chromium (Debian's package): signs in on the login page of a real
 * Keycloak (the realm of k8s/keycloak with the demo users), finds the intake task of a case a physician submitted over REST, claims it, completes its form and sees
 * the case move on. Screenshots land in target/screenshots/.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class InboxBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/inbox")
    URL inbox;

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
    }

    @AfterEach
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void coordinatorSignsInClaimsAndCompletesTheIntakeTaskAndSeesTheCaseMoveOn() throws IOException {
        // given a physician's case, submitted over REST
        String caseId = Portal.submit("physician");
        String reference = Portal.referenceOf(caseId);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        // when the coordinator opens the inbox, the realm asks them to sign in
        browser.get(inbox.toString());
        signIn(wait, "coordinator");

        // then, looking the case up by its reference, their queue lists its intake task
        findCase(wait, reference);
        By row = By.cssSelector("tr[data-case='" + reference + "'][data-task-key='IntakeReview']");
        WebElement task = wait.until(ExpectedConditions.presenceOfElementLocated(row));
        assertThat(task.getText()).contains("Intake review").contains("pt-BR").contains("cancer-center");
        screenshot("1-inbox");

        // claim it, fill its form, complete it
        task.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("f-decision")));
        new Select(browser.findElement(By.id("f-decision"))).selectByValue("accept");
        browser.findElement(By.id("f-recordsComplete")).click();
        browser.findElement(By.id("f-recordsInEnglish")).click();
        screenshot("2-task-form");
        browser.findElement(By.cssSelector("form.task-form button.primary")).click();

        // the case page shows it under review, at the specialist's step, highlighted in the process drawing
        WebElement status = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1 .status")));
        assertThat(status.getText()).isEqualTo("UNDER_REVIEW");
        assertThat(browser.findElement(By.cssSelector(".steps")).getText())
                .isEqualTo("Specialist review and written opinion");
        assertThat(browser.findElements(By.cssSelector("g.current[data-element-id='SpecialistReview']"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("section[aria-label='Open tasks']")).getText())
                .contains("Specialist review and written opinion (unassigned)");
        screenshot("3-case-page");
        assertThat(ProcessDriver.status(caseId)).isEqualTo(CaseStatus.UNDER_REVIEW);
        assertThat(ProcessDriver.owner(caseId)).isEqualTo(subjectOf("coordinator"));
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
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("document.querySelector('form.task-form').noValidate = true;");
        browser.findElement(By.cssSelector("form.task-form button.primary")).click();
        WebElement errors = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".errors")));
        assertThat(errors.getText()).contains("decision: is required");
        assertThat(ProcessDriver.status(caseId)).isEqualTo(CaseStatus.SUBMITTED);
    }

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

    /** The user's stable Keycloak subject, which the service records as case owner. */
    private static String subjectOf(String user) {
        String payload = org.ipc.testing.Tokens.of(user).split("\\.")[1];
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(java.util.Base64.getUrlDecoder().decode(payload)).path("sub").asText();
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

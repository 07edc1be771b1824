package org.ipc.visa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipc.testing.ProcessDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A consulate officer checks a letter in a real headless Chromium: a genuine letter, the same letter once revoked,
 * and a code with one character changed. The page needs no script and loads nothing from elsewhere (the browser
 * reports no content-policy violation). Screenshots land in target/screenshots/verify-*.png.
 */
@QuarkusTest
class VerificationPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/verify/")
    URL verify;

    @Inject
    VisaLetterService letters;

    private WebDriver browser;

    @BeforeEach
    void startChromium() throws IOException {
        ProcessDriver.setNewYorkTime("2026-11-23T09:00");
        assertThat(CHROMIUM).as("Debian's chromium and chromium-driver are README prerequisites").exists();
        Path profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=900,760", "--user-data-dir=" + profile.toAbsolutePath());
        // the console, where the browser reports anything the page's content policy refused
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
        ClockUtil.reset();
    }

    @Test
    void aConsulateOfficerSeesGenuineRevokedAndUnknownLetters() throws IOException {
        String caseId = VisaLettersTest.caseWithEstimate(true);
        String code = VisaLettersTest.issue(caseId, VisaLettersTest.letter()).statusCode(201).extract()
                .path("verificationCode");

        browser.get(verify + code);
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Genuine letter, in force", "LAYLA SAAD ALHARBI", "2027-01-08", "2027-02-05",
                "2026-11-23").doesNotContain("4321");
        assertThat(browser.findElement(By.tagName("h1")).getCssValue("color")).as("the style sheet applies")
                .isEqualTo("rgba(23, 100, 58, 1)");
        screenshot("1-genuine");

        QuarkusTransaction.requiringNew().run(() -> letters.revokeLettersOf(UUID.fromString(caseId), "case withdrawn"));
        browser.get(verify + code);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Genuine letter, revoked",
                "It no longer supports a visa application", "LAYLA SAAD ALHARBI");
        screenshot("2-revoked");

        String tampered = (code.charAt(0) == 'A' ? 'B' : 'A') + code.substring(1);
        browser.get(verify + tampered);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("No such letter", tampered)
                .doesNotContain("LAYLA");
        screenshot("3-unknown");

        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getMessage()).filter(m -> m.contains("Content Security Policy")).toList();
        assertThat(violations).as("content-policy violations").isEmpty();
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve("verify-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}

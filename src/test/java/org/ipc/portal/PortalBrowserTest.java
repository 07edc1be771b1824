package org.ipc.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipc.cases.CaseStatus;
import org.ipc.documents.ResumableUpload;
import org.ipc.testing.KeycloakProfile;
import org.ipc.testing.Portal;
import org.ipc.testing.ProcessDriver;
import org.ipc.testing.SampleFiles;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A referring physician in a real headless Chromium (Debian's package) on a phone-sized screen and a slow link
 * (Chromium's network emulation: 400 kbit/s, 300 ms), signed in on a real Keycloak's own login page: submits a case in
 * Spanish after correcting a field, uploads a file whose connection drops part-way and resumes (the stored SHA-256
 * compared), reads the coordinator's message and answers, downloads the released opinion, withdraws another case;
 * then the same pages in Arabic. Every page is screenshotted (target/screenshots/portal-*.png), weighed by the
 * browser's Performance API (target/portal-page-weights.md) and checked by axe-core (target/axe-portal.md).
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class PortalBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path AXE = org.ipc.testing.NodeTools.AXE;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/portal")
    URL portal;

    @Inject
    ProcessDriver process;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private final Map<String, long[]> weights = new LinkedHashMap<>();
    private final List<String> axeReport = new ArrayList<>();

    @BeforeAll
    static void installAxeFromTheLockFile() throws Exception {
        org.ipc.testing.NodeTools.require(AXE);
    }

    @BeforeEach
    void startChromium() throws IOException {
        assertThat(CHROMIUM).as("Debian's chromium and chromium-driver are README prerequisites").exists();
        Path profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=360,780", "--lang=es",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "es,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(90));
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 780, "deviceScaleFactor", 1, "mobile", true));
        browser.executeCdpCommand("Network.enable", Map.of());
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        // a condition that reads an element while the page is being replaced asks again on the new page
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
        ClockUtil.reset();
    }

    @Test
    void aPhysicianAbroadWorksTheirCasesOnAPhoneOverASlowLinkInSpanishThenArabic() throws Exception {
        // cases of this physician already under way: one to withdraw, one whose opinion is released
        ProcessDriver.setNewYorkTime("2026-11-23T09:00");
        String toWithdraw = Portal.submit("physician");
        String withOpinion = Portal.submit("physician");
        byte[] letter = SampleFiles.pdf();
        releaseAnOpinion(withOpinion, letter);

        // signs in on Keycloak's own page
        browser.get(portal.toString());
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.id("username")));
        assertThat(browser.getCurrentUrl()).contains("/realms/ipc/").contains("client_id=ipc-portal")
                .contains("code_challenge_method=S256");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).as("Keycloak's page in the browser's language")
                .startsWith("es");
        screenshot("es-0-keycloak-sign-in");
        name.sendKeys("physician");
        browser.findElement(By.id("password")).sendKeys("physician");
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
        slowLink(true);

        // my cases, in Spanish
        browser.get(portal.toString());
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mis casos");
        check("es-1-cases", "Mis casos");

        // submits a case, correcting one field first
        browser.findElement(By.linkText("Derivar a un paciente")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("clinicalSummary")));
        check("es-2-new-case", "Derivar a un paciente");
        new Select(browser.findElement(By.id("department"))).selectByValue("cancer-center");
        browser.findElement(By.id("clinicalSummary")).sendKeys("Ejemplo sintético: segunda opinión sobre una RM.");
        browser.findElement(By.id("givenName")).sendKeys("Lucía");
        browser.findElement(By.id("familyName")).sendKeys("Fernández");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('birthDate').value = '1971-09-14';");
        new Select(browser.findElement(By.id("sex"))).selectByValue("female");
        new Select(browser.findElement(By.id("countryOfResidence"))).selectByValue("MX");
        browser.findElement(By.id("preferredLanguage")).sendKeys("es-MX");
        browser.findElement(By.id("timeZone")).sendKeys("Mexico City");
        browser.findElement(By.id("email")).sendKeys("lucia@example.org");
        browser.findElement(By.cssSelector("form[action='/portal/cases'] button[type='submit']")).click();
        WebElement errors = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".errors")));
        assertThat(errors.getText()).contains("Zona horaria del paciente: no es una zona horaria como America/Sao_Paulo.");
        assertThat(browser.findElement(By.id("timeZone")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("givenName")).getAttribute("value")).isEqualTo("Lucía");
        check("es-3-new-case-error", "Derivar a un paciente");
        WebElement zone = browser.findElement(By.id("timeZone"));
        zone.clear();
        zone.sendKeys("America/Mexico_City");
        browser.findElement(By.cssSelector("form[action='/portal/cases'] button[type='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload")));
        String newCase = browser.findElement(By.id("upload")).getAttribute("data-case");
        assertThat(ProcessDriver.status(newCase)).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Lucía Fernández");
        assertThat(browser.findElement(By.cssSelector(".status")).getText()).isEqualTo("Recibido");
        check("es-4-case", "Lucía Fernández");

        // uploads a study whose connection drops part-way; the page's script resumes it
        // three of the page's 256 KB pieces over the 400 kbit/s link: about 12 s of sending
        Path study = pdf(600_000);
        browser.findElement(By.id("file")).sendKeys(study.toAbsolutePath().toString());
        new Select(browser.findElement(By.id("kind"))).selectByValue("IMAGING");
        browser.findElement(By.cssSelector("#upload button[type='submit']")).click();
        // the link goes down once the first piece is stored: the rest must come after the page resumes
        long before = awaitUploadOffsetAtLeast(newCase, 256 * 1024);
        offline(true);
        wait.until(ExpectedConditions.textToBe(By.id("upload-status"), "Se perdió la conexión; reintentando…"));
        screenshot("es-5-upload-interrupted");
        long kept = uploadOffset(newCase);
        assertThat(kept).as("bytes stored before the link went down").isGreaterThanOrEqualTo(256 * 1024)
                .isLessThan(Files.size(study));
        offline(false);
        new WebDriverWait(browser, Duration.ofSeconds(240)).until(ExpectedConditions.urlContains("uploaded="));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".documents a")));
        JsonNode stored = JSON.readTree(given().auth().oauth2(Tokens.of("physician"))
                .get("/api/portal/cases/" + newCase + "/documents").then().statusCode(200).extract().asString())
                .path("items").get(0);
        String sent = sha256(Files.readAllBytes(study));
        assertThat(stored.path("sha256").asText()).as("the stored file is the file sent").isEqualTo(sent);
        assertThat(stored.path("kind").asText()).isEqualTo("IMAGING");
        Files.writeString(Path.of("target", "portal-resumed-upload.md"), "# A resumed upload from the case page\n\n"
                + "| | |\n| --- | --- |\n| file | " + Files.size(study) + " bytes |\n| link | 400 kbit/s, 300 ms |\n"
                + "| received before the link went down | at least " + before + " bytes |\n"
                + "| kept while it was down (Upload-Offset) | " + kept + " bytes |\n"
                + "| SHA-256 of the file sent | " + sent + " |\n| SHA-256 stored | " + stored.path("sha256").asText()
                + " |\n");
        check("es-6-case-uploaded", "Estudio de imagen");

        // reads the coordinator's message and answers it
        given().auth().oauth2(Tokens.of("coordinator")).contentType(ContentType.JSON)
                .body(Map.of("body", "Gracias. ¿Puede enviar también el informe de anatomía patológica?"))
                .post("/api/cases/" + newCase + "/messages").then().statusCode(201);
        browser.navigate().refresh();
        WebElement conversation = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".messages")));
        assertThat(conversation.getText()).contains("¿Puede enviar también el informe de anatomía patológica?");
        browser.findElement(By.id("body")).sendKeys("Lo envío mañana.");
        browser.findElement(By.cssSelector("form[action$='/messages'] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".messages"), "Lo envío mañana."));
        check("es-7-case-messages", "Lo envío mañana.");

        // downloads the released opinion
        browser.get(portal.toString() + "/cases/" + withOpinion);
        WebElement answer = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".answer a")));
        assertThat(answer.getText()).contains("Segunda opinión");
        check("es-8-case-opinion", "Nuestra respuesta");
        String downloaded = (String) browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => crypto.subtle.digest('SHA-256', b))"
                + ".then(d => done(Array.from(new Uint8Array(d)).map(x => x.toString(16).padStart(2, '0')).join('')))"
                + ".catch(e => done('failed: ' + e));", answer.getAttribute("href"));
        assertThat(downloaded).as("the opinion as downloaded").isEqualTo(sha256(letter));

        // withdraws another case, after the confirmation step
        browser.get(portal.toString() + "/cases/" + toWithdraw);
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Retirar esta derivación"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.danger")));
        check("es-9-withdraw", "¿Retirar la derivación?");
        assertThat(ProcessDriver.status(toWithdraw)).isEqualTo(CaseStatus.SUBMITTED);
        browser.findElement(By.cssSelector("button.danger")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".status"), "Retirado"));
        assertThat(ProcessDriver.status(toWithdraw)).isEqualTo(CaseStatus.WITHDRAWN);

        // chooses Arabic and a time zone; the pages follow, right to left (their layout is what is looked at here:
        // the link's speed has been proven by the Spanish pages and the upload above)
        slowLink(false);
        browser.get(portal.toString() + "/settings");
        check("es-10-settings", "Idioma y zona horaria");
        browser.findElement(By.cssSelector("input[name='language'][value='ar']")).click();
        WebElement ownZone = browser.findElement(By.id("timeZone"));
        ownZone.clear();
        ownZone.sendKeys("Asia/Dubai");
        browser.findElement(By.cssSelector("form[action='/portal/settings'] button")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "dir", "rtl"));
        check("ar-1-cases", "حالاتي");
        browser.get(portal.toString() + "/cases/new");
        check("ar-2-new-case", "إحالة مريض");
        browser.findElement(By.cssSelector("form[action='/portal/cases'] button[type='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".errors")));
        assertThat(browser.findElement(By.cssSelector(".errors")).getText()).contains("الملخص السريري: مطلوب.");
        check("ar-3-new-case-error", "يُرجى تصحيح هذه الحقول");
        browser.get(portal.toString() + "/cases/" + newCase);
        check("ar-4-case", "Lucía Fernández");
        browser.get(portal.toString() + "/cases/" + withOpinion);
        check("ar-8-case-opinion", "ردّنا");
        browser.get(portal.toString() + "/cases/" + withOpinion + "/withdraw");
        check("ar-9-withdraw", "هل تريد سحب الإحالة؟");
        browser.get(portal.toString() + "/settings");
        check("ar-10-settings", "اللغة والمنطقة الزمنية");

        report();
        assertThat(weights.values()).as("every page under 100 KB").allSatisfy(w -> assertThat(w[1]).isLessThan(100 * 1024));
    }

    /** Screenshot, weight and accessibility of the page now showing, after checking it shows {@code expected}. */
    private void check(String name, String expected) throws IOException {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), expected));
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(text).as("no words key on " + name).doesNotContainPattern(
                "\\b(status|next|needs|field|error|kind|dept|case|cases|new|nav|upload|withdraw|settings|hint)\\.[A-Za-z]");
        int overflow = ((Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).intValue();
        assertThat(overflow).as(name + " fits a 360 px screen without sideways scrolling").isLessThanOrEqualTo(0);
        screenshot(name);
        weigh(name);
        axe(name);
    }

    private void weigh(String name) {
        @SuppressWarnings("unchecked")
        List<Number> sizes = (List<Number>) browser.executeScript(
                "var all = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                        + ".filter(e => !e.name.includes('/uploads'));"
                        + "return [all.reduce((s, e) => s + e.transferSize, 0), all.reduce((s, e) => s + e.decodedBodySize, 0)];");
        weights.put(name, new long[] { sizes.get(0).longValue(), sizes.get(1).longValue() });
    }

    private void axe(String name) throws IOException {
        browser.executeScript(Files.readString(AXE));
        String result = (String) browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, { resultTypes: ['violations'] }).then(r => done(JSON.stringify(r.violations)))"
                + ".catch(e => done(JSON.stringify([{ id: 'axe-failed', impact: 'critical', help: String(e) }])));");
        JsonNode violations = JSON.readTree(result);
        List<String> serious = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (JsonNode v : violations) {
            String line = v.path("impact").asText() + " " + v.path("id").asText() + " (" + v.path("nodes").size()
                    + " elements): " + v.path("help").asText();
            all.add(line);
            if ("serious".equals(v.path("impact").asText()) || "critical".equals(v.path("impact").asText())) {
                serious.add(line);
            }
        }
        axeReport.add("| " + name + " | " + (all.isEmpty() ? "none" : String.join("<br>", all)) + " |");
        assertThat(serious).as("axe-core's serious or critical violations on " + name).isEmpty();
    }

    private void report() throws IOException {
        StringBuilder w = new StringBuilder("# Portal page weights, as Chromium's Performance API measured them\n\n"
                + "Transferred: bytes over the (emulated 400 kbit/s, 300 ms) link for the page and what it loaded, "
                + "compressed as sent, cached files counting 0; whole: the same uncompressed (decoded body sizes). "
                + "Files the physician moves are not counted.\n\n| page | transferred | whole |\n| --- | --- | --- |\n");
        weights.forEach((page, sizes) -> w.append("| ").append(page).append(" | ").append(sizes[0]).append(" | ")
                .append(sizes[1]).append(" |\n"));
        Files.writeString(Path.of("target", "portal-page-weights.md"), w.toString());
        Files.writeString(Path.of("target", "axe-portal.md"), "# axe-core " + "4.14.1" + " on the portal pages\n\n"
                + "| page | violations |\n| --- | --- |\n" + String.join("\n", axeReport) + "\n");
    }

    private void slowLink(boolean on) {
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", on ? 300 : 0,
                "downloadThroughput", on ? 400_000 / 8 : -1, "uploadThroughput", on ? 400_000 / 8 : -1));
    }

    private void offline(boolean down) {
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", down, "latency", 300,
                "downloadThroughput", 400_000 / 8, "uploadThroughput", 400_000 / 8));
    }

    private void releaseAnOpinion(String caseId, byte[] letter) {
        process.complete(caseId, "IntakeReview", "coordinator", Map.of("decision", "accept",
                "recordsComplete", true, "recordsInEnglish", true));
        given().auth().oauth2(Tokens.of("specialist")).multiPart("file", "segunda-opinion.pdf", letter,
                "application/pdf").multiPart("kind", "OPINION_LETTER").post("/api/cases/" + caseId + "/documents")
                .then().statusCode(201);
        process.complete(caseId, "SpecialistReview", "specialist", Map.of("opinionWritten", true));
        process.complete(caseId, "QualityCheck", "supervisor", Map.of("release", "release"));
        ClockUtil.reset();
    }

    private long awaitUploadOffsetAtLeast(String caseId, long bytes) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            long offset = uploadOffset(caseId);
            if (offset >= bytes) {
                return offset;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the upload did not reach " + bytes + " bytes");
    }

    private static long uploadOffset(String caseId) {
        return QuarkusTransaction.requiringNew().call(() -> ResumableUpload.<ResumableUpload>find("caseId",
                java.util.UUID.fromString(caseId)).stream().mapToLong(u -> u.offset).max().orElse(0));
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        @SuppressWarnings("unchecked")
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        Files.write(SCREENSHOTS.resolve("portal-" + name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    private static Path pdf(int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(18).nextBytes(bytes);
        byte[] header = SampleFiles.pdf();
        System.arraycopy(header, 0, bytes, 0, header.length);
        Path file = Files.createTempFile(Path.of("target"), "study", ".pdf");
        Files.write(file, bytes);
        return file;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.ipc.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The papers the service writes, read back as a reader would: downloaded, their text extracted, drawn to PNG. */
public final class Papers {

    /** Where the drawn pages go, to be looked at (target/paperwork/). */
    public static final Path OUT = Path.of("target", "paperwork");

    private Papers() {
    }

    /** A case document's bytes, downloaded by a member of staff. */
    public static byte[] download(String user, String caseId, String documentId) {
        return given().auth().oauth2(Tokens.of(user)).get("/api/cases/" + caseId + "/documents/" + documentId)
                .then().statusCode(200).extract().asByteArray();
    }

    /**
     * The text PDFBox extracts, in logical order (right-to-left runs put back in reading order), with every run of
     * white space (line ends included) as one space, so a value wrapped onto two lines still reads as written.
     */
    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable PDF", e);
        }
    }

    public static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable PDF", e);
        }
    }

    /** Keeps the PDF as target/paperwork/{name}.pdf and draws its first page to {name}-1.png with pdftoppm. */
    public static Path drawFirstPage(byte[] pdf, String name) {
        try {
            Files.createDirectories(OUT);
            Path file = OUT.resolve(name + ".pdf");
            Files.write(file, pdf);
            Process pdftoppm = new ProcessBuilder("pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1",
                    "-singlefile", file.toString(), OUT.resolve(name).toString()).redirectErrorStream(true).start();
            String output = new String(pdftoppm.getInputStream().readAllBytes());
            assertThat(pdftoppm.waitFor(60, TimeUnit.SECONDS)).as("pdftoppm finished").isTrue();
            assertThat(pdftoppm.exitValue()).as("pdftoppm (Debian poppler-utils): " + output).isZero();
            Path png = OUT.resolve(name + ".png");
            assertThat(png).exists();
            assertThat(Files.size(png)).isGreaterThan(10_000);
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException("pdftoppm could not run: install Debian's poppler-utils", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.ipc.paperwork;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.bidi.support.ICUBreakers;
import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Lays out an XHTML page as a PDF with openhtmltopdf on PDFBox: the Noto fonts shipped in the jar (embedded as
 * subsets), ICU's bidirectional algorithm and Arabic shaping, and ICU's line breaking for the reader's language (Chinese
 * breaks between characters). Templates name the fonts in CSS: {@code Noto Sans}, {@code Noto Naskh Arabic},
 * {@code Noto Sans SC}; a character missing from the first falls back to the next.
 */
@ApplicationScoped
public class PdfRenderer {

    /** A font shipped under {@code src/main/resources/fonts} (SIL Open Font License, see the OFL files beside it). */
    private record Face(String resource, String family, int weight) {
    }

    private static final List<Face> FACES = List.of(
            new Face("fonts/NotoSans-Regular.ttf", "Noto Sans", 400),
            new Face("fonts/NotoSans-Bold.ttf", "Noto Sans", 700),
            new Face("fonts/NotoNaskhArabic-Regular.ttf", "Noto Naskh Arabic", 400),
            new Face("fonts/NotoNaskhArabic-Bold.ttf", "Noto Naskh Arabic", 700),
            // one weight: a full CJK face is 10 MB; bold Chinese text is drawn in it as well
            new Face("fonts/NotoSansSC-Regular.ttf", "Noto Sans SC", 400));

    /** The PDF of {@code xhtml}, laid out for a reader of {@code locale} (right to left for Arabic). */
    public byte[] render(String xhtml, Locale locale, boolean rightToLeft) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        for (Face face : FACES) {
            // fonts are read only when the layout needs one of their characters
            builder.useFont(resource(face.resource()), face.family(), face.weight(), BaseRendererBuilder.FontStyle.NORMAL,
                    true);
        }
        builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
        builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
        builder.useUnicodeLineBreaker(new ICUBreakers.ICULineBreaker(locale));
        builder.useUnicodeCharacterBreaker(new ICUBreakers.ICUCharacterBreaker(locale));
        builder.defaultTextDirection(rightToLeft ? BaseRendererBuilder.TextDirection.RTL
                : BaseRendererBuilder.TextDirection.LTR);
        builder.withProducer("International Patient Coordination Service");
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be laid out", e);
        }
        return out.toByteArray();
    }

    private static FSSupplier<InputStream> resource(String path) {
        return () -> {
            InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(path);
            if (in == null) {
                throw new IllegalStateException("font " + path + " is missing from the build");
            }
            return in;
        };
    }
}

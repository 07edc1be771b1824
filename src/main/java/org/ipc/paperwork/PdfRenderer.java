package org.ipc.paperwork;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    /**
     * A font shipped under {@code src/main/resources/fonts} (SIL Open Font License, see the OFL files beside it), and
     * the script that makes a page need it (null: every page).
     */
    private record Face(String resource, String family, int weight, Character.UnicodeScript script) {
    }

    private static final List<Face> FACES = List.of(
            new Face("fonts/NotoSans-Regular.ttf", "Noto Sans", 400, null),
            new Face("fonts/NotoSans-Bold.ttf", "Noto Sans", 700, null),
            new Face("fonts/NotoNaskhArabic-Regular.ttf", "Noto Naskh Arabic", 400, Character.UnicodeScript.ARABIC),
            new Face("fonts/NotoNaskhArabic-Bold.ttf", "Noto Naskh Arabic", 700, Character.UnicodeScript.ARABIC),
            // one weight: a full CJK face is 10 MB; bold Chinese text is drawn in it as well
            new Face("fonts/NotoSansSC-Regular.ttf", "Noto Sans SC", 400, Character.UnicodeScript.HAN));

    /** The PDF of {@code xhtml}, laid out for a reader of {@code locale} (right to left for Arabic). */
    public byte[] render(String xhtml, Locale locale, boolean rightToLeft) {
        PdfLog.install();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        Set<Character.UnicodeScript> scripts = scripts(xhtml);
        for (Face face : FACES) {
            // the layout reads every font it is given: a page without Chinese is not given the 10 MB Chinese face
            if (face.script() != null && !scripts.contains(face.script())) {
                continue;
            }
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

    /** The scripts of the page's letters (Chinese punctuation and kana count as Han: the same face draws them). */
    private static Set<Character.UnicodeScript> scripts(String text) {
        Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
        text.codePoints().filter(cp -> cp > 0x024F).forEach(cp -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
                    || script == Character.UnicodeScript.HANGUL || (cp >= 0x3000 && cp <= 0x303F)
                    || (cp >= 0xFF00 && cp <= 0xFFEF)) {
                script = Character.UnicodeScript.HAN;
            }
            scripts.add(script);
        });
        return scripts;
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

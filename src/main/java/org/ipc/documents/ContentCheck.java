package org.ipc.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.apache.tika.Tika;

/**
 * Recognises a file's type from its bytes (Apache Tika's magic numbers), never from its name or the type the
 * client declared, and checks that plain text really is UTF-8.
 */
final class ContentCheck {

    static final String PDF = "application/pdf";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String DICOM = "application/dicom";
    static final String TEXT = "text/plain";
    static final Set<String> ACCEPTED = Set.of(PDF, JPEG, PNG, DICOM, TEXT);
    /** Names clients commonly give the same types. */
    private static final Map<String, String> ALIASES = Map.of("image/jpg", JPEG, "image/pjpeg", JPEG,
            "application/x-pdf", PDF, "application/dicom+json", DICOM);

    private static final Tika TIKA = new Tika();

    private ContentCheck() {
    }

    /** The accepted type of this content, or null when it is none of them. */
    static String detect(Path file) throws IOException {
        String detected;
        try (InputStream in = Files.newInputStream(file)) {
            detected = TIKA.detect(in);
        }
        if (ACCEPTED.contains(detected)) {
            return detected;
        }
        // Tika calls text it cannot place more precisely by narrower names; plain text is what we keep.
        return detected.startsWith("text/") ? TEXT : null;
    }

    /** What the client said the part was, reduced to a comparable media type, or null when it said nothing useful. */
    static String declared(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase();
        if (type.equals("application/octet-stream")) {
            return null;
        }
        return ALIASES.getOrDefault(type, type);
    }

    /** Reads the whole file through a strict UTF-8 decoder, a buffer at a time. */
    static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[32 * 1024];
            int n;
            while ((n = in.read(chunk)) > 0) {
                bytes.put(chunk, 0, n).flip();
                chars.clear();
                if (decoder.decode(bytes, chars, false).isError()) {
                    return false;
                }
                bytes.compact();
            }
            bytes.flip();
            chars.clear();
            return !decoder.decode(bytes, chars, true).isError() && !decoder.flush(chars).isError()
                    && !bytes.hasRemaining();
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}

package org.ipc.testing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Tiny synthetic files of each accepted type, recognisable by their first bytes. */
public final class SampleFiles {

    private SampleFiles() {
    }

    public static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] png() {
        return bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0,
                0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE);
    }

    public static byte[] jpeg() {
        return bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9);
    }

    public static byte[] dicom() {
        byte[] d = new byte[200];
        byte[] magic = "DICM".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, d, 128, 4);
        Arrays.fill(d, 132, 200, (byte) 0x02);
        return d;
    }

    public static byte[] text() {
        return "Synthetic laboratory values, no real patient.\nHb 13.1 g/dL\nÜbersetzung folgt – 翻译 – ترجمة\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] invalidUtf8() {
        byte[] t = "Synthetic text with a broken byte: ".getBytes(StandardCharsets.US_ASCII);
        byte[] b = Arrays.copyOf(t, t.length + 3);
        b[t.length] = (byte) 0xC3;
        b[t.length + 1] = (byte) 0x28;
        b[t.length + 2] = '\n';
        return b;
    }

    public static byte[] windowsProgram() {
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3C] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}

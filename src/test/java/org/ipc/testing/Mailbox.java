package org.ipc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** What the tests' SMTP server received, read as a mail client would. */
public final class Mailbox {

    /** One received mail: its headers and its plain-text and HTML parts. */
    public record Received(String to, String subject, String messageId, String text, String html,
            MimeMessage raw) {

        /** Text, HTML and subject together, for checking what a mail must never say. */
        public String everything() {
            return subject + "\n" + text + "\n" + html;
        }

        /** Writes the mail as received (.eml) and its HTML part, for people to look at. */
        public void saveAs(Path directory, String name) {
            try {
                Files.createDirectories(directory);
                try (var out = Files.newOutputStream(directory.resolve(name + ".eml"))) {
                    raw.writeTo(out);
                }
                Files.writeString(directory.resolve(name + ".html"), html);
                Files.writeString(directory.resolve(name + ".txt"), "Subject: " + subject + "\n\n" + text);
            } catch (IOException | MessagingException e) {
                throw new IllegalStateException("could not save mail " + name, e);
            }
        }
    }

    private Mailbox() {
    }

    /** Every mail the server holds for this address, in the order received. */
    public static List<Received> to(String address) {
        return Arrays.stream(SmtpResource.server().getReceivedMessages()).filter(m -> isTo(m, address))
                .map(Mailbox::read).toList();
    }

    public static List<Received> all() {
        return Arrays.stream(SmtpResource.server().getReceivedMessages()).map(Mailbox::read).toList();
    }

    private static boolean isTo(MimeMessage m, String address) {
        try {
            Address[] to = m.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Received read(MimeMessage m) {
        try {
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            collect(m, text, html);
            return new Received(Arrays.toString(m.getAllRecipients()), m.getSubject(), m.getMessageID(),
                    text.toString(), html.toString(), m);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html)
            throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, text, html);
            }
        }
    }
}

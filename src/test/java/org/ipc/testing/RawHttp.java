package org.ipc.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.restassured.RestAssured;

/**
 * One HTTP/1.1 request written byte for byte to the service under test, for request lines that HTTP clients refuse
 * to send (broken percent-encoding, raw bytes). Answers the status, the content type and the body.
 */
public final class RawHttp {

    public record Answer(int status, String contentType, String body, String head) {

        /** A response header's value, or null. */
        public String header(String name) {
            return head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(null);
        }
    }

    private RawHttp() {
    }

    public static Answer send(String method, String target, String... headers) {
        return sendFrom("127.0.0.1", method, target, headers);
    }

    /** The same, from another loopback address ({@code 127.0.0.2}, ...), as another machine would connect. */
    public static Answer sendFrom(String localAddress, String method, String target, String... headers) {
        return sendTo(java.net.URI.create("http://127.0.0.1:" + RestAssured.port), localAddress, method, target,
                headers);
    }

    /**
     * The same to another server on loopback (a packaged service, a load balancer in front of it), from the loopback
     * address {@code localAddress}: a client of its own, as far as the server can tell.
     */
    public static Answer sendTo(java.net.URI base, String localAddress, String method, String target,
            String... headers) {
        try (Socket socket = new Socket(InetAddress.getByName(base.getHost()), base.getPort(),
                InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: localhost\r\nConnection: close\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.UTF_8);
            int headEnd = response.indexOf("\r\n\r\n");
            String head = headEnd < 0 ? response : response.substring(0, headEnd);
            String body = headEnd < 0 ? "" : response.substring(headEnd + 4);
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            Answer answer = new Answer(status, "", body, head);
            String type = answer.header("Content-Type");
            return new Answer(status, type == null ? "" : type, body, head);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}

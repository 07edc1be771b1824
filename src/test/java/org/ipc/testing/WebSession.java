package org.ipc.testing;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's part in the inbox page's sign-in, without the browser: follows the code flow to the realm's login
 * form, posts the demo user's name and password, comes back with the page's session cookie, and keeps the cookies
 * (the page's and the realm's) for later requests. Redirects are followed by hand, so each step can be checked.
 */
public final class WebSession {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final URI base;
    private HttpResponse<String> landing;
    private String language;

    private WebSession(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieJar())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs {@code user} in at {@code base} (e.g. http://localhost:18081) through the realm's login page. */
    public static WebSession signIn(URI base, String user) {
        return signIn(base, user, "/inbox", null);
    }

    /**
     * Signs {@code user} in at the page {@code start} (the inbox, or the physicians' {@code /portal}); the browser's
     * {@code Accept-Language} is {@code language} when given.
     */
    public static WebSession signIn(URI base, String user, String start, String language) {
        WebSession session = new WebSession(base);
        session.language = language;
        HttpResponse<String> login = session.follow(session.send(session.request(start).GET()));
        Matcher form = LOGIN_FORM.matcher(login.body());
        if (login.statusCode() != 200 || !form.find()) {
            throw new AssertionError("no login form at " + login.uri() + " (" + login.statusCode() + ")");
        }
        String action = form.group(1).replace("&amp;", "&");
        HttpResponse<String> back = session.follow(session.send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(Map.of("username", user, "password", user,
                        "credentialId", ""))))));
        if (back.statusCode() != 200 && back.statusCode() != 403 || !back.uri().getPath().startsWith(start)) {
            throw new AssertionError("signing in as " + user + " ended at " + back.uri() + " with "
                    + back.statusCode());
        }
        session.landing = back;
        return session;
    }

    /** The page the sign-in ended on: the inbox, or 403 for a user without a staff role. */
    public HttpResponse<String> landing() {
        return landing;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** Posts a form as the page's own forms do, with the CSRF field when {@code csrf} is given. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
    }

    /** The CSRF field of the first form of a page the server rendered for this session. */
    public String csrfField(String pagePath) {
        HttpResponse<String> page = get(pagePath);
        Matcher field = CSRF_FIELD.matcher(page.body());
        if (page.statusCode() != 200 || !field.find()) {
            throw new AssertionError("no form with a CSRF field at " + pagePath + " (" + page.statusCode() + ")");
        }
        return field.group(1);
    }

    /** Form fields, with the CSRF field added. */
    public static Map<String, String> withCsrf(String csrf, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrf-token", csrf);
        return all;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        return language == null ? request : request.header("Accept-Language", language);
    }

    /** Posts a multipart form with one file part named {@code file} and plain fields, as a browser does. */
    public HttpResponse<String> postFile(String path, Map<String, String> fields, String fileName, String type,
            byte[] content) {
        String boundary = "----ipc" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Any request the page's script makes: a method, headers and a body (or none). */
    public HttpResponse<String> call(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = request(path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request);
    }

    /** The bytes of a download. */
    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private HttpResponse<String> follow(HttpResponse<String> response) {
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = send(HttpRequest.newBuilder(next).timeout(Duration.ofSeconds(30)).GET());
        }
        return response;
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /**
     * Cookies per host, sent back to the host that set them. Unlike Java's CookieManager it sends cookies marked
     * Secure over plain HTTP, as browsers do for the loopback address the test servers listen on.
     */
    private static final class CookieJar extends CookieHandler {

        private final Map<String, Map<String, String>> byHost = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            Map<String, String> cookies = byHost.getOrDefault(uri.getHost(), Map.of());
            if (cookies.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "))));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            Map<String, String> cookies = byHost.computeIfAbsent(uri.getHost(), h -> new ConcurrentHashMap<>());
            responseHeaders.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    for (String cookie : values) {
                        String pair = cookie.split(";", 2)[0];
                        int eq = pair.indexOf('=');
                        String key = pair.substring(0, eq).trim();
                        String lower = cookie.toLowerCase(Locale.ROOT);
                        if (lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
                            cookies.remove(key);
                        } else {
                            cookies.put(key, pair.substring(eq + 1).trim());
                        }
                    }
                }
            });
        }
    }
}

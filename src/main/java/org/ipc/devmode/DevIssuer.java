package org.ipc.devmode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import io.quarkus.arc.profile.IfBuildProfile;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Dev mode and the default test suite only (never built into the packaged service): a small OpenID Connect issuer
 * on the service's own port, at {@code /dev/oidc}, for the demo users of {@code ipc.dev-users}. Its tokens are
 * shaped like the Keycloak realm's: roles in {@code realm_access.roles}, audience {@code ipc-api}, so dev mode and
 * the tests read roles exactly as production does (Quarkus' own dev OIDC server puts them in {@code groups}).
 * Password grant (any password; the README's curl walk, {@link DevTokenResource}, the tests) and the code flow with
 * PKCE for the inbox page, whose sign-in form is shaped like Keycloak's.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class DevIssuer {

    static final String BASE = "/dev/oidc";
    private static final Duration TOKEN_LIFESPAN = Duration.ofHours(8);
    private static final Duration CODE_LIFESPAN = Duration.ofMinutes(2);

    /** A code handed out at sign-in, redeemed once at the token endpoint. */
    private record Grant(String user, String clientId, String redirectUri, String challenge, String nonce,
            Instant expires) {
    }

    @ConfigProperty(name = "ipc.dev-users")
    Map<String, String> users;

    @ConfigProperty(name = "quarkus.oidc.client-id")
    String apiClient;

    /** The issuer the service trusts: {@code quarkus.oidc.auth-server-url}, this issuer's own address. */
    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private RsaJsonWebKey key;

    void install(@Observes Router router) throws JoseException {
        key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("dev-" + UUID.randomUUID());
        key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        router.get(BASE + "/.well-known/openid-configuration").handler(this::discovery);
        router.get(BASE + "/keys").handler(rc -> json(rc, 200, new JsonObject(
                new JsonWebKeySet(key).toJson(OutputControlLevel.PUBLIC_ONLY))));
        router.get(BASE + "/authorize").handler(this::signInPage);
        router.post(BASE + "/login").handler(BodyHandler.create(false).setBodyLimit(16 * 1024)).handler(this::signIn);
        router.post(BASE + "/token").handler(BodyHandler.create(false).setBodyLimit(16 * 1024)).handler(this::token);
        router.get(BASE + "/logout").handler(rc -> {
            String back = rc.request().getParam("post_logout_redirect_uri");
            redirect(rc, back != null && local(back) ? back : "/");
        });
    }

    private void discovery(RoutingContext rc) {
        json(rc, 200, new JsonObject().put("issuer", issuer)
                .put("authorization_endpoint", issuer + "/authorize").put("token_endpoint", issuer + "/token")
                .put("jwks_uri", issuer + "/keys").put("end_session_endpoint", issuer + "/logout")
                .put("response_types_supported", List.of("code"))
                .put("grant_types_supported", List.of("authorization_code", "password"))
                .put("code_challenge_methods_supported", List.of("S256"))
                .put("id_token_signing_alg_values_supported", List.of("RS256")));
    }

    private void signInPage(RoutingContext rc) {
        String query = rc.request().query() == null ? "" : rc.request().query();
        if (!local(rc.request().getParam("redirect_uri", ""))) {
            rc.response().setStatusCode(400).end("redirect_uri must lead back to this service");
            return;
        }
        String list = String.join(", ", users.keySet().stream().sorted().toList());
        rc.response().putHeader("Content-Type", "text/html; charset=utf-8").end("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in (dev)</title></head>
                <body><h1>Sign in to the International Patient Center (development)</h1>
                <p>Demo users: %s. Any password.</p>
                <form id="kc-form-login" method="post" action="%s/login?%s">
                <label>User <input name="username" autofocus></label>
                <label>Password <input name="password" type="password"></label>
                <button type="submit">Sign in</button></form></body></html>
                """.formatted(list, issuer, query.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")));
    }

    private void signIn(RoutingContext rc) {
        String user = rc.request().getFormAttribute("username");
        String redirect = rc.request().getParam("redirect_uri", "");
        if (user == null || !users.containsKey(user) || !local(redirect)) {
            rc.response().setStatusCode(401).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("Unknown demo user or redirect; the demo users are " + users.keySet());
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.values().removeIf(g -> g.expires().isBefore(Instant.now()));
        codes.put(code, new Grant(user, rc.request().getParam("client_id"), redirect,
                rc.request().getParam("code_challenge"), rc.request().getParam("nonce"),
                Instant.now().plus(CODE_LIFESPAN)));
        String state = rc.request().getParam("state");
        redirect(rc, redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
                + (state == null ? "" : "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8)));
    }

    private void token(RoutingContext rc) {
        MultiMap form = rc.request().formAttributes();
        String grantType = form.get("grant_type");
        if ("password".equals(grantType)) {
            String user = form.get("username");
            if (user == null || !users.containsKey(user)) {
                json(rc, 401, new JsonObject().put("error", "invalid_grant"));
                return;
            }
            String client = form.get("client_id") == null ? apiClient : form.get("client_id");
            json(rc, 200, tokens(user, client, null));
        } else if ("authorization_code".equals(grantType)) {
            Grant grant = codes.remove(String.valueOf(form.get("code")));
            if (grant == null || grant.expires().isBefore(Instant.now())
                    || !grant.redirectUri().equals(form.get("redirect_uri"))
                    || !pkceMatches(grant.challenge(), form.get("code_verifier"))) {
                json(rc, 400, new JsonObject().put("error", "invalid_grant"));
                return;
            }
            json(rc, 200, tokens(grant.user(), grant.clientId(), grant.nonce()));
        } else {
            json(rc, 400, new JsonObject().put("error", "unsupported_grant_type"));
        }
    }

    private JsonObject tokens(String user, String client, String nonce) {
        JwtClaims access = claims(user);
        access.setAudience(apiClient);
        access.setClaim("azp", client);
        access.setClaim("typ", "Bearer");
        List<String> roles = Arrays.stream(users.get(user).split(",")).map(String::strip).filter(r -> !r.isEmpty())
                .toList();
        access.setClaim("realm_access", Map.of("roles", roles));
        JwtClaims id = claims(user);
        id.setAudience(client == null ? apiClient : client);
        id.setClaim("typ", "ID");
        if (nonce != null) {
            id.setClaim("nonce", nonce);
        }
        return new JsonObject().put("access_token", sign(access)).put("id_token", sign(id))
                .put("token_type", "Bearer").put("expires_in", TOKEN_LIFESPAN.toSeconds());
    }

    /** What every token of a demo user says: who, when, and the same name and e-mail shapes as ever. */
    private JwtClaims claims(String user) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(user);
        claims.setIssuedAt(NumericDate.now());
        claims.setExpirationTime(NumericDate.fromSeconds(Instant.now().plus(TOKEN_LIFESPAN).getEpochSecond()));
        claims.setClaim("preferred_username", user);
        claims.setClaim("name", Character.toUpperCase(user.charAt(0)) + user.substring(1));
        claims.setClaim("email", user + "@example.com");
        return claims;
    }

    private String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a dev token", e);
        }
    }

    private static boolean pkceMatches(String challenge, String verifier) {
        if (challenge == null) {
            return verifier == null;
        }
        if (verifier == null) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).equals(challenge);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }


    /** Sign-ins only lead back to this machine. */
    private static boolean local(String uri) {
        try {
            String host = URI.create(uri).getHost();
            return "localhost".equals(host) || "127.0.0.1".equals(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void json(RoutingContext rc, int status, JsonObject body) {
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(body.encode());
    }

    private static void redirect(RoutingContext rc, String location) {
        rc.response().setStatusCode(302).putHeader("Location", location).end();
    }
}

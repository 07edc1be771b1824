package org.ipc.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenID Connect issuer shaped like a Keycloak realm ({@code /realms/ipc}): discovery, signing keys, and
 * access tokens with Keycloak's {@code realm_access.roles} claim. It lets a test run the packaged service as
 * production does, configured only by {@code QUARKUS_OIDC_AUTH_SERVER_URL}.
 */
public final class TestIssuer implements AutoCloseable {

    private final HttpServer server;
    private final RsaJsonWebKey key;
    private final String issuer;

    private TestIssuer(HttpServer server, RsaJsonWebKey key) {
        this.server = server;
        this.key = key;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/ipc";
    }

    public static TestIssuer start() throws IOException, JoseException {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("test-" + Long.toHexString(System.nanoTime()));
        key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        TestIssuer issuer = new TestIssuer(server, key);
        server.createContext("/realms/ipc/.well-known/openid-configuration", exchange -> issuer.reply(exchange, """
                {"issuer": "%1$s", "jwks_uri": "%1$s/protocol/openid-connect/certs",
                 "token_endpoint": "%1$s/protocol/openid-connect/token",
                 "id_token_signing_alg_values_supported": ["RS256"]}
                """.formatted(issuer.issuer)));
        server.createContext("/realms/ipc/protocol/openid-connect/certs",
                exchange -> issuer.reply(exchange, new JsonWebKeySet(key).toJson(OutputControlLevel.PUBLIC_ONLY)));
        server.start();
        return issuer;
    }

    public String url() {
        return issuer;
    }

    /** An access token for the API ({@code aud} ipc-api) for {@code user} with the given realm roles, valid for five minutes. */
    public String token(String user, String... roles) {
        return sign(key, "ipc-api", user, roles);
    }

    /** A well-formed token signed by a key this issuer never published. */
    public String forgedToken(String user, String... roles) throws JoseException {
        return sign(RsaJwkGenerator.generateJwk(2048), "ipc-api", user, roles);
    }

    /** A genuine token of this issuer, but meant for another client ({@code aud} account). */
    public String tokenForAnotherClient(String user, String... roles) {
        return sign(key, "account", user, roles);
    }

    private String sign(RsaJsonWebKey signingKey, String audience, String user, String... roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject("subject-" + user);
        claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(Instant.now().getEpochSecond()));
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(Instant.now().plusSeconds(300).getEpochSecond()));
        claims.setClaim("preferred_username", user);
        claims.setClaim("name", user);
        claims.setClaim("email", user + "@example.org");
        claims.setClaim("realm_access", java.util.Map.of("roles", List.of(roles)));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign a test token", e);
        }
    }

    private void reply(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package org.ipc.testing;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server for the tests (GreenMail, in the test JVM, on a free loopback port). The service's mailer sends
 * to it; tests read what it received, and stop and start it to play an SMTP outage.
 */
public class SmtpResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;
    private static int port;

    @Override
    public Map<String, String> start() {
        port = FreePorts.next();
        startServer();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(port),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.login", "DISABLED");
    }

    @Override
    public void stop() {
        stopServer();
    }

    /** The server the service sends to. */
    public static GreenMail server() {
        return server;
    }

    /** The SMTP server goes away: connections are refused until {@link #startServer()}. */
    public static synchronized void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** The SMTP server (back) on the same port, empty. */
    public static synchronized void startServer() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        // a client silent for 15 s is dropped (GreenMail's own wait is 30 s): the rare conversation that stalls (the
        // mailer waiting on a reply the server never sends) costs a drain 15 s, not 30. Never less than what a mailer
        // keeps an idle connection: the packaged service's keeps one up to 12 s (application.properties), the
        // in-process tests' 1.5 s; a connection the server dropped first can leave a send waiting for good
        server.getSmtp().setClientSocketTimeout(15_000);
    }
}

package org.ipc.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client's address, for the rate limits and the audit trail: the connection's peer, or, when that peer is a
 * trusted proxy ({@code quarkus.http.proxy.trusted-proxies}, ranges or addresses), the rightmost
 * {@code X-Forwarded-For} entry that is not itself a trusted proxy. Proxies append the address they saw, so the
 * entries left of the last trusted hop are whatever the client wrote: Quarkus takes the leftmost one, which a client
 * forges at will, so neither limits nor trail read it. Ranges are matched by Netty's {@link IpSubnetFilterRule}
 * (IPv4 and IPv6); entries are parsed as address literals only, never looked up in DNS.
 */
@ApplicationScoped
@Startup
public class ClientAddresses {

    /** The header every common proxy appends to (HAProxy's option forwardfor, nginx, ingress-nginx, cloud balancers). */
    public static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String SETTING = "quarkus.http.proxy.trusted-proxies";

    private final List<IpSubnetFilterRule> trusted = new ArrayList<>();

    ClientAddresses(@ConfigProperty(name = SETTING) Optional<List<String>> proxies) {
        for (String entry : proxies.orElse(List.of())) {
            trusted.add(range(entry.strip()));
        }
    }

    /** The client of this request, as a plain address ({@code 203.0.113.7}, {@code 2001:db8:0:0:0:0:0:1}). */
    public String of(HttpServerRequest request) {
        SocketAddress peerAddress = request.connection() == null ? null : request.connection().remoteAddress();
        if (peerAddress == null || peerAddress.hostAddress() == null) {
            return "unknown";
        }
        InetAddress hop = literal(peerAddress.hostAddress()).orElse(null);
        if (hop == null) {
            return peerAddress.hostAddress();
        }
        if (!isTrusted(hop)) {
            return hop.getHostAddress();
        }
        List<String> entries = new ArrayList<>();
        for (String header : request.headers().getAll(FORWARDED_FOR)) {
            for (String entry : header.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.strip());
                }
            }
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            Optional<InetAddress> entry = literal(withoutPort(entries.get(i)));
            if (entry.isEmpty()) {
                // not an address: no trusted proxy wrote it, so the last hop we trust is all we know
                break;
            }
            hop = entry.get();
            if (!isTrusted(hop)) {
                return hop.getHostAddress();
            }
        }
        return hop.getHostAddress();
    }

    boolean isTrusted(InetAddress address) {
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        return trusted.stream().anyMatch(rule -> rule.matches(socket));
    }

    /** {@code 10.0.0.0/8}, {@code fd00::/8}, or one address (a whole /32 or /128). */
    private static IpSubnetFilterRule range(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        InetAddress ip = literal(address).orElseThrow(() -> new IllegalStateException(SETTING + ": '" + entry
                + "' is not an IP address or a CIDR range (host names are not looked up; write the proxies' range)"));
        int bits = ip.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalStateException(SETTING + ": '" + entry + "' has no prefix length of 0 to " + bits);
            }
        }
        return new IpSubnetFilterRule(ip, prefix, IpFilterRuleType.ACCEPT);
    }

    /** An IPv4 or IPv6 literal (brackets allowed), without any name lookup; empty for anything else. */
    public static Optional<InetAddress> literal(String text) {
        String plain = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(plain);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** {@code 203.0.113.7:51234} and {@code [2001:db8::1]:443} as proxies sometimes write them: the address alone. */
    private static String withoutPort(String entry) {
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            return close < 0 ? entry : entry.substring(0, close + 1);
        }
        int colon = entry.indexOf(':');
        return colon > 0 && colon == entry.lastIndexOf(':') ? entry.substring(0, colon) : entry;
    }
}

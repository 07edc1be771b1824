package org.ipc.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The trusted proxies are addresses or ranges, never names: Quarkus resolves a host name among them (and reads a bare
 * IPv6 address such as {@code ::1} as host {@code :} with port 1) with a DNS query on every request, which made
 * every call wait 5 s where no DNS server answered.
 */
@QuarkusTest
class TrustedProxiesTest {

    @Test
    void everyTrustedProxyIsAnIpv4AddressOrARange() {
        List<String> proxies = ConfigProvider.getConfig().getValues("quarkus.http.proxy.trusted-proxies", String.class);
        assertThat(proxies).isNotEmpty().allSatisfy(p -> assertThat(p.strip()).as("trusted proxy '%s'", p)
                .matches("(\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?|[0-9A-Fa-f:.]+/\\d{1,3})"));
    }
}

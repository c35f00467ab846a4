package org.datafirst.catalogue.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.datafirst.catalogue.support.DryRuns;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forwarded headers count only from trusted proxies (loopback by default): a client reaching the
 * service on the machine's own address cannot choose its rate-limit address or the links' host,
 * scheme and prefix by sending X-Forwarded-* itself.
 */
@QuarkusTest
@TestProfile(UntrustedClientTest.ReachableFromOutside.class)
class UntrustedClientTest {

    public static class ReachableFromOutside implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.host", "0.0.0.0", "catalogue.spreadsheets.dry-runs.per-minute", "3");
        }
    }

    @TestHTTPResource("/")
    URL base;

    private InetAddress own;

    @BeforeEach
    void findOwnAddress() throws SocketException {
        Optional<InetAddress> address = ownNonLoopbackAddress();
        Assumptions.assumeTrue(address.isPresent(), "the machine has a non-loopback IPv4 address");
        own = address.get();
    }

    @Test
    void anUntrustedClientCannotDodgeTheDryRunLimitWithXForwardedFor() {
        // Given dry runs from the machine's own address, each claiming to be another client
        Response refused =
                DryRuns.firstRefused(5, i -> fromOutside().header("X-Forwarded-For", "203.0.113." + (i + 1)));
        // Then they count as one address, limited to 3 a minute
        assertThat(refused).as("a 429 within 5 dry runs at 3 a minute").isNotNull();
    }

    @Test
    void aTrustedProxyNamesTheClientInXForwardedFor() {
        // Loopback is a trusted proxy: each client it forwards has its own dry runs
        assertThat(DryRuns.firstRefused(5, i -> given().header("X-Forwarded-For", "198.51.100." + (i + 1))))
                .isNull();
    }

    @Test
    void linksFollowForwardedHeadersOnlyFromATrustedProxy() {
        String untrusted = withForwardedHeaders(fromOutside());
        assertThat(untrusted)
                .doesNotContain("data.example.org")
                .doesNotContain("/datafirst/")
                .contains("http://" + own.getHostAddress() + ":" + base.getPort() + "/catalog.ttl?");
        String trusted = withForwardedHeaders(given());
        assertThat(trusted).contains("https://data.example.org/datafirst/catalog.ttl?");
    }

    private static String withForwardedHeaders(RequestSpecification request) {
        return request.header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "data.example.org")
                .header("X-Forwarded-Prefix", "/datafirst")
                .get("/catalog.ttl?size=2")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private RequestSpecification fromOutside() {
        return given().baseUri("http://" + own.getHostAddress()).port(base.getPort());
    }

    private static Optional<InetAddress> ownNonLoopbackAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}

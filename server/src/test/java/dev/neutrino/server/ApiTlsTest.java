package dev.neutrino.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neutrino.common.Config;
import dev.neutrino.common.ConfigException;
import dev.neutrino.common.IniFile;
import dev.neutrino.common.Json;
import dev.neutrino.common.Pem;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API over HTTPS ({@code [DEFAULT] use_ssl}, oslo.service's {@code [ssl]}) and behind a proxy
 * that terminates TLS ({@code [oslo_middleware] enable_proxy_headers_parsing}), against the real
 * server on H2. The certificates are fixtures made by openssl: a CA, the server's (RSA, PKCS#1 key,
 * for 127.0.0.1), a client's it signed (EC, SEC1 key) and a self-signed stranger's.
 */
class ApiTlsTest {
    @TempDir
    Path state;

    private static Path pem(String name) {
        try {
            return Path.of(ApiTlsTest.class.getResource("tls/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Config config(String extra) {
        Config c = Config.of(IniFile.parse("[DEFAULT]\nbind_port = 0\nstate_path = " + state + "\n" + extra),
                AllOptions.ALL);
        assertThat(c.warnings()).isEmpty();
        return c;
    }

    private static String tlsServer(String caLine) {
        return "use_ssl = true\n[ssl]\ncert_file = " + pem("server-cert.pem") + "\nkey_file = " + pem("server-key.pem")
                + "\n" + caLine;
    }

    private static HttpClient client(SSLContext context) {
        return HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static HttpResponse<String> get(HttpClient client, String url, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) request.headers(headers);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesHttpsWithThePemCertificateAndRefusesPlainHttp() throws Exception {
        try (NeutrinoServer server = NeutrinoServer.start(config(tlsServer("")))) {
            String https = "https://127.0.0.1:" + server.port();
            HttpClient trusting = client(Pem.sslContext(null, null, pem("ca.pem")));
            HttpResponse<String> networks = get(trusting, https + "/v2.0/networks");
            assertThat(networks.statusCode()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(networks.body()).path("networks").isArray()).isTrue();

            // links name the scheme the client used; without proxy header parsing, forged headers change nothing
            JsonNode versions = Json.MAPPER.readTree(get(trusting, https + "/", "X-Forwarded-Proto", "http",
                    "X-Forwarded-Host", "elsewhere.example").body());
            assertThat(versions.at("/versions/0/links/0/href").asText()).isEqualTo(https + "/v2.0/");

            assertThatThrownBy(() -> get(client(SSLContext.getDefault()), https + "/v2.0/networks"))
                    .as("a client that does not trust the CA").isInstanceOf(IOException.class);
            assertThatThrownBy(() -> get(trusting, "http://127.0.0.1:" + server.port() + "/v2.0/networks"))
                    .as("plain HTTP on the HTTPS port").isInstanceOf(IOException.class);
        }
    }

    @Test
    void withCaFileEveryClientMustPresentACertificateThatCaSigned() throws Exception {
        try (NeutrinoServer server = NeutrinoServer.start(config(tlsServer("ca_file = " + pem("ca.pem") + "\n")))) {
            String url = "https://127.0.0.1:" + server.port() + "/v2.0/networks";
            HttpClient signed = client(Pem.sslContext(pem("client-cert.pem"), pem("client-key.pem"), pem("ca.pem")));
            assertThat(get(signed, url).statusCode()).isEqualTo(200);

            HttpClient anonymous = client(Pem.sslContext(null, null, pem("ca.pem")));
            assertThatThrownBy(() -> get(anonymous, url)).as("no client certificate").isInstanceOf(IOException.class);
            HttpClient stranger = client(Pem.sslContext(pem("other-cert.pem"), pem("other-key.pem"), pem("ca.pem")));
            assertThatThrownBy(() -> get(stranger, url)).as("a certificate another CA signed")
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void behindAProxyLinksUseTheSchemeAndHostTheClientUsed() throws Exception {
        try (NeutrinoServer server = NeutrinoServer.start(config("pagination_max_limit = 1\n"
                + "[oslo_middleware]\nenable_proxy_headers_parsing = true\n"))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + server.port() + "/v2.0/networks";
            for (String name : new String[] {"a", "b"}) {
                HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"network\": {\"name\": \"" + name + "\"}}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).isEqualTo(201);
            }
            JsonNode page = Json.MAPPER.readTree(get(http, base, "X-Forwarded-Proto", "https",
                    "X-Forwarded-Host", "neutron.example.com").body());
            assertThat(page.path("networks").size()).isEqualTo(1);
            assertThat(page.at("/networks_links/0/rel").asText()).isEqualTo("next");
            assertThat(page.at("/networks_links/0/href").asText())
                    .startsWith("https://neutron.example.com/v2.0/networks?");
            // RFC 7239's Forwarded, which oslo.middleware reads first
            JsonNode forwarded = Json.MAPPER.readTree(get(http, base, "Forwarded",
                    "for=192.0.2.60;proto=https;host=api.example.org").body());
            assertThat(forwarded.at("/networks_links/0/href").asText())
                    .startsWith("https://api.example.org/v2.0/networks?");
            // without the headers: the address the server was reached at
            assertThat(Json.MAPPER.readTree(get(http, base).body()).at("/networks_links/0/href").asText())
                    .startsWith(base + "?");
        }
    }

    @Test
    void sslOptionsAreCheckedAsOsloServiceChecksThem() {
        assertThat(SslOptions.contextFactory(config("[ssl]\ncert_file = " + pem("server-cert.pem") + "\nkey_file = "
                + pem("server-key.pem") + "\n"))).as("use_ssl off: plain HTTP, as Neutron").isEmpty();
        assertThat(SslOptions.contextFactory(config(tlsServer(""))).orElseThrow().getNeedClientAuth()).isFalse();
        assertThat(SslOptions.contextFactory(config("use_ssl = true\nssl_cert_file = " + pem("server-cert.pem")
                + "\nssl_key_file = " + pem("server-key.pem") + "\nssl_ca_file = " + pem("ca.pem") + "\n"))
                .orElseThrow().getNeedClientAuth()).as("oslo.service's deprecated [DEFAULT] names").isTrue();
        assertThatThrownBy(() -> SslOptions.contextFactory(config("use_ssl = true\n[ssl]\ncert_file = "
                + pem("server-cert.pem") + "\n"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cert_file and key_file must both be set");
        assertThatThrownBy(() -> SslOptions.contextFactory(config(tlsServer("ca_file = /nonexistent/ca.pem\n"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("[ssl] ca_file: unable to find");
        assertThatThrownBy(() -> SslOptions.contextFactory(config("use_ssl = true\n[ssl]\ncert_file = "
                + pem("server-cert.pem") + "\nkey_file = " + pem("client-key.pem") + "\n")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("does not belong to the certificate");
        assertThat(SslOptions.contextFactory(config(tlsServer("version = TLSv1_2\n"))).orElseThrow()
                .getIncludeProtocols()).containsExactly("TLSv1.2");
        assertThatThrownBy(() -> SslOptions.contextFactory(config(tlsServer("version = TLSv1\n"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("disabled in this JDK");
        assertThatThrownBy(() -> SslOptions.contextFactory(config(tlsServer("version = TLSv9\n"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("invalid SSL version");
        assertThat(SslOptions.contextFactory(config(tlsServer("ciphers = TLS_AES_128_GCM_SHA256:"
                + "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n"))).orElseThrow().getIncludeCipherSuites())
                .containsExactly("TLS_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        assertThatThrownBy(() -> SslOptions.contextFactory(config(tlsServer("ciphers = HIGH:!aNULL\n"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("[HIGH, !aNULL]");
    }
}

package dev.neutrino.it;

import static dev.neutrino.it.J.obj;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Requests the HTTP edge must refuse with a 4xx NeutronError, never a 500, an HTML page or no answer:
 * bodies that are not UTF-8, malformed query strings, paths and headers Jetty refuses itself, and
 * the request limits ({@code max_request_body_size}, {@code max_header_line}).
 */
class MalformedRequestsTest extends ApiTest {

    private RawHttp.Answer raw(String method, String target, byte[] body) {
        return RawHttp.send(server.baseUri(), method, target, project, body);
    }

    private static void assertError(RawHttp.Answer a, int status, String type) {
        assertThat(a.status()).as("%s", a).isEqualTo(status);
        assertThat(a.errorType()).as("NeutronError in %s", a).isEqualTo(type);
        assertThat(a.headers().get("content-type")).as("%s", a).startsWith("application/json");
    }

    private static byte[] notUtf8(String before, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] b = after.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[a.length + 3 + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        out[a.length] = (byte) 0xff;
        out[a.length + 1] = (byte) 0xfe;
        out[a.length + 2] = (byte) 0xc3; // a lead byte without its continuation
        System.arraycopy(b, 0, out, a.length + 3, b.length);
        return out;
    }

    @Test
    void aBodyThatIsNotUtf8IsMalformed() {
        String id = createNetworkId("utf8");
        for (String target : List.of("/v2.0/networks", "/v2.0/ports", "/v2.0/security-groups", "/v2.0/routers")) {
            assertError(raw("POST", target, notUtf8("{\"x\": {\"name\": \"", "\"}}")), 400, "HTTPBadRequest");
        }
        RawHttp.Answer put = raw("PUT", "/v2.0/networks/" + id, notUtf8("{\"network\": {\"name\": \"", "\"}}"));
        assertError(put, 400, "HTTPBadRequest");
        assertThat(put.json().at("/NeutronError/message").asText()).isEqualTo("Malformed request body");
        assertThat(api.get("/v2.0/networks/" + id).expect(200).text("/network/name")).isEqualTo("utf8");
        assertThat(api.get("/v2.0/networks?project_id=" + project).expect(200).at("/networks")).hasSize(1);
    }

    @Test
    void aMalformedQueryStringIsRefused() {
        for (String target : List.of("/v2.0/networks?a=%ZZ", "/v2.0/networks?name=%FF%FE", "/v2.0/networks?name=%",
                "/v2.0/networks?name=%4", "/v2.0/ports?fields=%C3", "/?a=%ZZ", "/v2.0/?x=%FF")) {
            assertError(raw("GET", target, null), 400, "HTTPBadRequest");
        }
        // escapes that are fine still are
        createNetwork("a b+c/é");
        RawHttp.Answer ok = raw("GET", "/v2.0/networks?name=a+b%2Bc%2F%C3%A9", null);
        assertThat(ok.status()).as("%s", ok).isEqualTo(200);
        assertThat(ok.json().at("/networks")).hasSize(1);
    }

    @Test
    void requestsJettyRefusesAreNeutronErrors() {
        for (String target : List.of("/v2.0/networks%2Fx", "/v2.0/%2E%2E/networks", "/v2.0/networks/%00",
                "//v2.0/networks", "/v2.0//networks", "/v2.0/networks/%ZZ")) {
            RawHttp.Answer a = raw("GET", target, null);
            assertThat(a.status()).as("%s %s", target, a).isBetween(400, 499);
            assertThat(a.errorType()).as("%s %s", target, a).isNotNull();
        }
        RawHttp.Answer dup = RawHttp.send(server.baseUri(), "POST /v2.0/networks HTTP/1.1\r\nX-Project-Id: " + project
                + "\r\nContent-Length: 2\r\nContent-Length: 3\r\nContent-Type: application/json\r\n",
                "{}".getBytes(StandardCharsets.UTF_8));
        assertError(dup, 400, "HTTPBadRequest");
        RawHttp.Answer badRequestLine = RawHttp.send(server.baseUri(), "GET /v2.0/networks HTTP/9.9\r\n", null);
        assertThat(badRequestLine.status()).as("%s", badRequestLine).isBetween(400, 505);
        assertThat(badRequestLine.errorType()).as("%s", badRequestLine).isNotNull();
        assertThat(api.get("/v2.0/networks?project_id=" + project).expect(200).at("/networks")).isEmpty();
    }

    @Test
    void aBodyOverMaxRequestBodySizeIs413() {
        String big = "{\"network\": {\"name\": \"" + "x".repeat(114688) + "\"}}";
        assertError(raw("POST", "/v2.0/networks", big.getBytes(StandardCharsets.UTF_8)), 413,
                "HTTPRequestEntityTooLarge");
        // without a Content-Length (chunked) the limit holds as the body is read
        RawHttp.Answer chunked = RawHttp.send(server.baseUri(), "POST /v2.0/networks HTTP/1.1\r\nX-Project-Id: "
                + project + "\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n",
                (Integer.toHexString(big.length()) + "\r\n" + big + "\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        assertError(chunked, 413, "HTTPRequestEntityTooLarge");
        assertThat(chunked.json().at("/NeutronError/message").asText())
                .isEqualTo("Request is too large. Larger than max_request_body_size (114688).");
        assertThat(api.get("/v2.0/networks?project_id=" + project).expect(200).at("/networks")).isEmpty();
    }

    @Test
    void headerLinesOverMaxHeaderLineAre400AndAnOversizedHeadIs431() {
        RawHttp.Answer line = RawHttp.send(server.baseUri(), "GET /v2.0/networks HTTP/1.1\r\nX-Project-Id: " + project
                + "\r\nX-Long: " + "y".repeat(16384) + "\r\n", null);
        assertError(line, 400, "HTTPBadRequest");
        assertThat(line.json().at("/NeutronError/message").asText()).isEqualTo("Header Line Too Long");
        StringBuilder head = new StringBuilder("GET /v2.0/networks HTTP/1.1\r\n");
        for (int i = 0; i < 10; i++) head.append("X-Filler-").append(i).append(": ").append("z".repeat(8000)).append("\r\n");
        RawHttp.Answer all = RawHttp.send(server.baseUri(), head.toString(), null);
        assertError(all, 431, "HTTPRequestHeaderFieldsTooLarge");
        // a long token-sized header below the limit is fine
        RawHttp.Answer ok = RawHttp.send(server.baseUri(), "GET /v2.0/networks HTTP/1.1\r\nX-Project-Id: " + project
                + "\r\nX-Auth-Token: " + "t".repeat(12000) + "\r\n", null);
        assertThat(ok.status()).as("%s", ok).isEqualTo(200);
    }

    @Test
    void aValidJsonBodyThatIsNotAnObjectIsStillRefused() {
        assertThat(api.post("/v2.0/networks", "[1, 2]").status()).isEqualTo(400);
        api.post("/v2.0/networks", "{\"network\": ").expectError(400, "HTTPBadRequest");
        api.post("/v2.0/networks", obj("network", "x")).expectError(400, "HTTPBadRequest");
    }
}

package dev.neutrino.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neutrino.common.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 by hand, for what {@link Client} cannot send: bytes that are not UTF-8, malformed
 * escapes, odd paths, duplicate or oversized headers. One request per connection.
 */
public final class RawHttp {
    private RawHttp() {}

    /** One answer: status, headers (names lower-cased, the last one of a name), body, body as JSON or null. */
    public record Answer(int status, Map<String, String> headers, String body, JsonNode json) {
        /** The NeutronError's type, or null when the body is not a NeutronError. */
        public String errorType() {
            JsonNode e = json == null ? null : json.get("NeutronError");
            return e == null || !e.path("type").isTextual() || !e.path("message").isTextual() || !e.has("detail")
                    ? null : e.path("type").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body}. */
    public static Answer send(URI base, String head, byte[] body) {
        StringBuilder h = new StringBuilder(head);
        if (!head.endsWith("\r\n")) h.append("\r\n");
        if (!head.toLowerCase(Locale.ROOT).contains("\r\nhost:")) h.append("Host: localhost\r\n");
        h.append("Connection: close\r\n");
        String lower = head.toLowerCase(Locale.ROOT);
        if (body != null && !lower.contains("content-length:") && !lower.contains("transfer-encoding:")) {
            h.append("Content-Length: ").append(body.length).append("\r\n");
        }
        h.append("\r\n");
        try (Socket s = new Socket()) {
            s.setSoTimeout(30_000);
            s.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            OutputStream out = s.getOutputStream();
            out.write(h.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) out.write(body);
            out.flush();
            return parse(readAll(s.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request with a JSON-ish body given as bytes. */
    public static Answer send(URI base, String method, String target, String project, byte[] body) {
        String head = method + " " + target + " HTTP/1.1\r\n" + (project == null ? "" : "X-Project-Id: " + project
                + "\r\n") + (body == null ? "" : "Content-Type: application/json\r\n");
        return send(base, head, body);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) out.write(buf, 0, n);
        } catch (java.net.SocketException e) {
            // a reset after the answer (the server closed with unread input): keep what came
            if (out.size() == 0) throw e;
        }
        return out.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) throw new IllegalStateException("no HTTP answer: '" + text + "'");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        String rest = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) rest = unchunk(rest);
        String body = new String(rest.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        JsonNode json = null;
        try {
            json = body.isBlank() ? null : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        return new Answer(status, headers, body, json);
    }

    private static String unchunk(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int eol = s.indexOf("\r\n", i);
            int size = Integer.parseInt(s.substring(i, eol).split(";")[0].strip(), 16);
            if (size == 0) break;
            out.append(s, eol + 2, eol + 2 + size);
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }
}

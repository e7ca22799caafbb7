package dev.neutrino.server;

import dev.neutrino.common.NeutronException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * What a request may be: a body of at most {@code max_request_body_size} bytes of UTF-8 (oslo.middleware's
 * sizelimit: 413), header lines of at most {@code max_header_line} bytes (eventlet's MAX_HEADER_LINE: 400).
 * The whole request head is bounded by Jetty ({@link #requestHeaderSize()}: 431).
 */
record RequestLimits(int maxBodySize, int maxHeaderLine) {
    /** eventlet.wsgi's MAX_TOTAL_HEADER_SIZE, the bound of a whole request head under Neutron. */
    static final int TOTAL_HEADER_SIZE = 65536;

    RequestLimits {
        if (maxBodySize < 0 || maxHeaderLine <= 0) throw new IllegalArgumentException("limits must be positive");
    }

    /** Jetty's bound of the request line and all headers together. */
    int requestHeaderSize() {
        return Math.max(TOTAL_HEADER_SIZE, 2 * maxHeaderLine);
    }

    void checkHeaders(HttpFields headers) {
        for (HttpField f : headers) {
            // the line as sent: "Name: value\r\n"
            if (f.getName().length() + f.getValue().length() + 4 > maxHeaderLine) {
                throw NeutronException.badRequest("Header Line Too Long");
            }
        }
    }

    /** The body as text: 413 past the limit (by Content-Length or as read), 400 when it is not UTF-8. */
    String readBody(Request request) throws IOException {
        if (request.getLength() > maxBodySize) throw tooLarge();
        byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request)) {
            bytes = in.readNBytes(maxBodySize + 1);
        }
        if (bytes.length > maxBodySize) throw tooLarge();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw NeutronException.badRequest("Malformed request body");
        }
    }

    private NeutronException tooLarge() {
        return new NeutronException(413, "HTTPRequestEntityTooLarge",
                "Request is too large. Larger than max_request_body_size (" + maxBodySize + ").");
    }
}

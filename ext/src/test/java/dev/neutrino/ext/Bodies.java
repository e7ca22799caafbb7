package dev.neutrino.ext;

import dev.neutrino.common.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import dev.neutrino.engine.StreamedBody;

/** Answer bodies as tests read them. */
public final class Bodies {
    private Bodies() {}

    /** A streamed body (a list) as the JSON value it writes, then closed; anything else as it is. */
    public static Object materialize(Object body) {
        if (!(body instanceof StreamedBody s)) return body;
        try (s) {
            StringWriter text = new StringWriter();
            try (var json = Json.MAPPER.createGenerator(text)) {
                s.write(json);
            }
            return Json.read(text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

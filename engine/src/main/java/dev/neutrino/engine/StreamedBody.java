package dev.neutrino.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * An answer body that is written piece by piece after the handler returned (a list read chunk by
 * chunk from the database). The HTTP edge calls {@link #write} once and {@link #close} always, also
 * when writing failed or the client went away, so what the body holds open (a read transaction) ends
 * with the answer.
 */
public interface StreamedBody extends AutoCloseable {
    void write(JsonGenerator json) throws IOException;

    @Override
    void close();
}

package dev.neutrino.ovsdb.remote;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A connected byte stream to an OVSDB server. One thread may read while another writes; closing it
 * makes a blocked read fail.
 */
public interface Transport extends Closeable {
    InputStream input();

    OutputStream output();

    /** Where it is connected to, for messages. */
    String description();

    @Override
    void close();
}

package dev.neutrino.ovsdb.remote;

import dev.neutrino.ovsdb.error.OvsdbConnectionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLSocket;

/**
 * A {@link Transport} over TLS ({@code ssl:} remotes): a TCP socket wrapped in an {@link SSLSocket}
 * that has finished its handshake, the server's certificate verified against the CA of
 * {@link OvsdbTls}. One thread may read while another writes, as over {@link SocketTransport}.
 */
public final class TlsTransport implements Transport {
    private final Socket tcp;
    private final SSLSocket socket;
    private final String description;
    private final InputStream input;
    private final OutputStream output;

    private TlsTransport(Socket tcp, SSLSocket socket, String description) throws IOException {
        this.tcp = tcp;
        this.socket = socket;
        this.description = description;
        this.input = socket.getInputStream();
        this.output = socket.getOutputStream();
    }

    /**
     * Connects and completes the TLS handshake within {@code timeout} (each).
     *
     * @throws OvsdbConnectionException when it cannot connect, or the handshake fails (the server's
     *                                  certificate is not signed by the CA, or it refused ours)
     */
    public static TlsTransport connect(Remote.Ssl remote, Duration timeout, OvsdbTls tls) {
        Socket tcp = new Socket();
        SSLSocket ssl = null;
        try {
            InetSocketAddress address = new InetSocketAddress(remote.host(), remote.port());
            if (address.isUnresolved()) {
                throw new IOException("cannot resolve host " + remote.host());
            }
            int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
            tcp.connect(address, millis);
            tcp.setTcpNoDelay(true);
            tcp.setKeepAlive(true);
            ssl = (SSLSocket) tls.context().getSocketFactory().createSocket(tcp, remote.host(), remote.port(), true);
            ssl.setUseClientMode(true);
            ssl.setSoTimeout(millis);
            ssl.startHandshake();
            ssl.setSoTimeout(0);
            return new TlsTransport(tcp, ssl, remote.toString());
        } catch (IOException | RuntimeException e) {
            closeQuietly(ssl);
            closeQuietly(tcp);
            throw new OvsdbConnectionException("cannot connect to " + remote + " (" + tls + "): " + e, e);
        }
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public String description() {
        return description;
    }

    /** Ends the TLS session and the socket; a read blocked on another thread fails. */
    @Override
    public void close() {
        closeQuietly(socket);
        closeQuietly(tcp);
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing left to do
            }
        }
    }
}

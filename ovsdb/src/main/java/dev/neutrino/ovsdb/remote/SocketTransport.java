package dev.neutrino.ovsdb.remote;

import dev.neutrino.ovsdb.error.OvsdbConnectionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Transport} over a blocking {@link SocketChannel}: unix domain socket or TCP ({@link #connect}
 * hands {@code ssl:} remotes to {@link TlsTransport}). Its streams
 * read and write the channel directly, so a reader blocked in {@code read} never holds up a writer.
 */
public final class SocketTransport implements Transport {
    private final SocketChannel channel;
    private final String description;
    private final InputStream input = new ChannelInput();
    private final OutputStream output = new ChannelOutput();

    private SocketTransport(SocketChannel channel, String description) {
        this.channel = channel;
        this.description = description;
    }

    /**
     * Connects to {@code remote} within {@code timeout}: over a unix socket, TCP, or for an
     * {@code ssl:} remote TLS with {@code tls}'s certificates ({@link TlsTransport}).
     *
     * @throws OvsdbConnectionException when it cannot, or for an ssl: remote without {@code tls}
     */
    public static Transport connect(Remote remote, Duration timeout, Optional<OvsdbTls> tls) {
        return switch (remote) {
            case Remote.Unix unix -> connectUnix(unix);
            case Remote.Tcp tcp -> connectTcp(tcp, timeout);
            case Remote.Ssl ssl -> TlsTransport.connect(ssl, timeout, tls.orElseThrow(() -> new OvsdbConnectionException(
                    ssl + " needs TLS settings (a CA certificate, and a client private key and certificate)")));
        };
    }

    /** {@link #connect(Remote, Duration, Optional)} without TLS settings (unix: and tcp: remotes). */
    public static Transport connect(Remote remote, Duration timeout) {
        return connect(remote, timeout, Optional.empty());
    }

    private static SocketTransport connectUnix(Remote.Unix remote) {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(remote.path()));
            return new SocketTransport(channel, remote.toString());
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw new OvsdbConnectionException("cannot connect to " + remote + ": " + e, e);
        }
    }

    private static SocketTransport connectTcp(Remote.Tcp remote, Duration timeout) {
        SocketChannel channel = null;
        try {
            InetSocketAddress address = new InetSocketAddress(remote.host(), remote.port());
            if (address.isUnresolved()) {
                throw new IOException("cannot resolve host " + remote.host());
            }
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            if (!channel.connect(address)) {
                try (Selector selector = Selector.open()) {
                    channel.register(selector, SelectionKey.OP_CONNECT);
                    long deadline = System.nanoTime() + timeout.toNanos();
                    while (!channel.finishConnect()) {
                        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                        if (left <= 0) {
                            throw new IOException("connect timed out after " + timeout.toMillis() + " ms");
                        }
                        selector.select(left);
                    }
                }
            }
            channel.configureBlocking(true);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            return new SocketTransport(channel, remote.toString());
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw new OvsdbConnectionException("cannot connect to " + remote + ": " + e, e);
        }
    }

    /** Wraps an already connected blocking channel (tests, socket pairs). */
    public static SocketTransport of(SocketChannel channel, String description) {
        return new SocketTransport(channel, description);
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

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to do
            }
        }
    }

    private final class ChannelInput extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int n;
            do {
                n = channel.read(ByteBuffer.wrap(buffer, offset, length));
            } while (n == 0);
            return n;
        }

        @Override
        public void close() {
            SocketTransport.this.close();
        }
    }

    private final class ChannelOutput extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            ByteBuffer bytes = ByteBuffer.wrap(buffer, offset, length);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }

        @Override
        public void close() {
            SocketTransport.this.close();
        }
    }
}

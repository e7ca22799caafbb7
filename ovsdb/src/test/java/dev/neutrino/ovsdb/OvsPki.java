package dev.neutrino.ovsdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PKI made by {@code ovs-pki} in a directory, as operators make OVS's and OVN's certificates:
 * {@code ovs-pki --dir=DIR init}, then {@code ovs-pki --dir=DIR -u req+sign NAME switch} for each
 * party. Fails with what to install when ovs-pki is missing.
 */
public final class OvsPki {
    /** A party's private key and certificate, as ovs-pki writes them (NAME-privkey.pem, NAME-cert.pem). */
    public record Credentials(Path privateKey, Path certificate) {}

    private final Path dir;

    private OvsPki(Path dir) {
        this.dir = dir;
    }

    /** {@code ovs-pki init} in {@code dir} (created): a switch CA and a controller CA. */
    public static OvsPki init(Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/ovs-pki"))) {
            throw new AssertionError("TLS tests need ovs-pki (Debian package openvswitch-pki or openvswitch-common)");
        }
        Files.createDirectories(dir);
        OvsPki pki = new OvsPki(dir);
        pki.run("init");
        return pki;
    }

    /** The switch CA's certificate (ovs-pki signs {@code switch} certificates with it). */
    public Path switchCa() {
        return dir.resolve("pki/switchca/cacert.pem");
    }

    /** {@code ovs-pki -u req+sign NAME switch}: a new key and a certificate the switch CA signed. */
    public Credentials issue(String name) throws IOException, InterruptedException {
        run("-u", "req+sign", name, "switch");
        return new Credentials(dir.resolve(name + "-privkey.pem"), dir.resolve(name + "-cert.pem"));
    }

    private void run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/ovs-pki", "--dir=" + dir.resolve("pki"),
                "--log=" + dir.resolve("ovs-pki.log")));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}

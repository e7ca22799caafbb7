package dev.neutrino.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcTreeTest {
    @Test
    void readsTheMemoryAndCpuOfThisJvmAndItsChildren() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            ProcTree tree = new ProcTree(ProcessHandle.current().pid());
            assertThat(tree.alive()).isTrue();
            assertThat(tree.pids()).contains(ProcessHandle.current().pid(), child.pid());
            ProcTree.Reading r = tree.read();
            assertThat(r.processes()).isGreaterThanOrEqualTo(2);
            assertThat(r.rssKb()).isPositive();
            assertThat(r.hwmKb()).isGreaterThanOrEqualTo(r.rssKb() / 2);
            assertThat(r.cpuTicks()).isPositive();
        } finally {
            child.destroy();
            child.waitFor();
        }
    }

    @Test
    void aMissingProcessIsNotAlive() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");
        ProcTree tree = new ProcTree(Integer.MAX_VALUE);
        assertThat(tree.alive()).isFalse();
        assertThat(tree.read().processes()).isZero();
    }
}

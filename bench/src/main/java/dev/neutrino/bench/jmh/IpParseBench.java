package dev.neutrino.bench.jmh;

import dev.neutrino.common.Cidr;
import dev.neutrino.common.IpAddress;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** Parsing and printing addresses and cidrs: 1,024 distinct inputs per call, time per input. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class IpParseBench {
    static final int N = 1024;
    String[] v4 = new String[N];
    String[] v6 = new String[N];
    String[] cidr4 = new String[N];
    String[] cidr6 = new String[N];
    IpAddress[] parsed6 = new IpAddress[N];

    @Setup
    public void setUp() {
        for (int i = 0; i < N; i++) {
            v4[i] = "10." + (i % 7) + "." + (i >> 4) + "." + (i & 255);
            v6[i] = "2001:db8:" + Integer.toHexString(i) + "::" + Integer.toHexString(i * 7 + 1);
            cidr4[i] = "10." + (i >> 2 & 255) + ".0.0/16";
            cidr6[i] = "fd00:" + Integer.toHexString(i) + "::/64";
            parsed6[i] = IpAddress.parse(v6[i]);
        }
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(N)
    public void parseV4(Blackhole bh) {
        for (String s : v4) bh.consume(IpAddress.parse(s));
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(N)
    public void parseV6(Blackhole bh) {
        for (String s : v6) bh.consume(IpAddress.parse(s));
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(N)
    public void parseCidrV4(Blackhole bh) {
        for (String s : cidr4) bh.consume(Cidr.parse(s));
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(N)
    public void parseCidrV6AndContains(Blackhole bh) {
        for (int i = 0; i < N; i++) bh.consume(Cidr.parse(cidr6[i]).contains(parsed6[i]));
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(N)
    public void formatV6(Blackhole bh) {
        for (IpAddress ip : parsed6) bh.consume(ip.toString());
    }
}

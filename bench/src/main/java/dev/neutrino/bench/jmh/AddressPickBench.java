package dev.neutrino.bench.jmh;

import dev.neutrino.common.IpAddress;
import dev.neutrino.ipam.AddressPicker;
import dev.neutrino.ipam.AllocationPool;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Picking a free address on a /16 (pool 10.0.0.2 - 10.0.255.254) with many addresses in use: the
 * {@code used} lowest ones taken (how Neutron packs them), plus, in "scattered" layout, every other
 * address of the next 2,000 taken too, so the window has to skip holes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class AddressPickBench {
    @Param({"1000", "30000"})
    int used;

    @Param({"packed", "scattered"})
    String layout;

    List<AllocationPool> pools;
    TreeSet<IpAddress> taken;
    AddressPicker picker;

    @Setup
    public void setUp() {
        pools = List.of(AllocationPool.of("10.0.0.2", "10.0.255.254"));
        IpAddress first = IpAddress.parse("10.0.0.2");
        taken = new TreeSet<>();
        for (int i = 0; i < used; i++) taken.add(first.plus(i));
        if (layout.equals("scattered")) {
            for (int i = 0; i < 2000; i += 2) taken.add(first.plus(used + i));
        }
        taken.add(IpAddress.parse("10.0.0.1")); // the gateway, outside the pool
        picker = new AddressPicker(new SplittableRandom(42));
    }

    @Benchmark
    public Optional<IpAddress> pickRandomInWindow() {
        return picker.pick(pools, taken);
    }

    @Benchmark
    public Optional<IpAddress> pickLowest() {
        return AddressPicker.pickLowest(pools, taken);
    }

    @Benchmark
    public List<IpAddress> pickMany10() {
        return picker.pickMany(pools, taken, 10);
    }
}

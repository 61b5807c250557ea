package io.stockflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ThreadCpuTest {
    @Test
    void groupsSubtasksOfATaskAndNumberedThreadsOfAKind() {
        assertThat(ThreadCpu.javaGroup("stock ledger -> availability json (1/2)#0"))
                .isEqualTo("stock ledger -> availability json");
        assertThat(ThreadCpu.javaGroup("stock ledger -> availability json (2/2)#3"))
                .isEqualTo("stock ledger -> availability json");
        assertThat(ThreadCpu.javaGroup("AsyncOperations-thread-12")).isEqualTo("AsyncOperations-thread");
        assertThat(ThreadCpu.javaGroup("kafka-producer-network-thread | producer-7"))
                .isEqualTo("Kafka producers' I/O");
        assertThat(ThreadCpu.javaGroup("OutputFlusher for order gate")).isEqualTo("output flushers");
    }

    @Test
    void namesTheThreadsJavaDoesNotList() {
        assertThat(ThreadCpu.nativeGroup("rocksdb:high")).isEqualTo("RocksDB flushes");
        assertThat(ThreadCpu.nativeGroup("rocksdb:low")).isEqualTo("RocksDB compactions");
        assertThat(ThreadCpu.nativeGroup("C2 CompilerThre")).isEqualTo("JIT compilers");
        assertThat(ThreadCpu.nativeGroup("GC Thread#1")).isEqualTo("garbage collector");
        assertThat(ThreadCpu.nativeGroup("main")).isNull();
    }

    @Test
    void coresAreTheDifferenceOverTheSecondsMostFirstWithTheSmallOnesSummedUp() {
        Map<String, Long> before = Map.of("ledger", 1_000_000_000L, "gate", 0L);
        Map<String, Long> after = Map.of("ledger", 2_000_000_000L, "gate", 3_000_000_000L, "flusher", 20_000_000L);

        assertThat(ThreadCpu.cores(before, after, 2.0, 0.05))
                .containsExactly(entry("gate", 1.5), entry("ledger", 0.5), entry("other threads", 0.01));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aSampleHoldsTheJavaThreadsByNameAndTheJitFromProc() throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AtomicReference<Map<String, Long>> sample = new AtomicReference<>();
        Thread burner = new Thread(
                () -> {
                    long id = Thread.currentThread().getId();
                    while (mx.getThreadCpuTime(id) < 50_000_000L) Thread.onSpinWait();
                    sample.set(ThreadCpu.sample());
                },
                "cpu burner (1/1)#0");
        burner.start();
        burner.join();

        assertThat(sample.get().get("cpu burner")).isGreaterThanOrEqualTo(50_000_000L);
        assertThat(sample.get()).containsKey("JIT compilers");
    }
}

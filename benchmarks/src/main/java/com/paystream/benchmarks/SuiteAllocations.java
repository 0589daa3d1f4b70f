package com.paystream.benchmarks;

import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.VirtualMachine;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The bytes the suite's JVMs have allocated on their heaps, as each JVM counts them for its threads: each service, the
 * store, the identity provider, and this load generator. Read before and after a run, the difference per payment is
 * what each process allocated for one payment (what its garbage collector then had to clear).
 *
 * <p>The other JVMs are reached through the JDK's attach API: each is asked to start its local management agent (it
 * keeps running there), and its thread counts are read over a JMX connection to it. Only threads alive at the second
 * read are counted: what a thread that ended during the run had allocated is not (the suite's threads live in pools,
 * so that is little). A JVM that cannot be attached (another user's, one started with
 * {@code -XX:+DisableAttachMechanism}, a Java runtime without the {@code jdk.attach} module) is left out with a note.
 */
final class SuiteAllocations implements AutoCloseable {
    /** Each JVM's thread counts, by name. */
    private final Map<String, ThreadMXBean> threads;
    private final List<JMXConnector> connections;

    private SuiteAllocations(Map<String, ThreadMXBean> threads, List<JMXConnector> connections) {
        this.threads = threads;
        this.connections = connections;
    }

    /** Connects to each of {@code jvms} now; one that cannot be reached is left out, and {@code note} says why. */
    static SuiteAllocations attach(SuiteJvms jvms, Consumer<String> note) {
        Map<String, ThreadMXBean> threads = new LinkedHashMap<>();
        List<JMXConnector> connections = new ArrayList<>();
        jvms.running().forEach((name, process) -> {
            try {
                ThreadMXBean bean;
                if (process.pid() == ProcessHandle.current().pid()) {
                    bean = ManagementFactory.getPlatformMXBean(ThreadMXBean.class);
                } else {
                    JMXConnector connection = connect(process.pid());
                    connections.add(connection);
                    bean = ManagementFactory.getPlatformMXBean(connection.getMBeanServerConnection(),
                            ThreadMXBean.class);
                }
                if (!bean.isThreadAllocatedMemorySupported() || !bean.isThreadAllocatedMemoryEnabled()) {
                    note.accept("allocations of " + name + " left out: the JVM does not count them");
                } else {
                    threads.put(name, bean);
                }
            } catch (Exception | LinkageError e) {
                note.accept("allocations of " + name + " (pid " + process.pid() + ") left out: cannot attach: "
                        + Measurements.describe(e));
            }
        });
        return new SuiteAllocations(threads, connections);
    }

    /**
     * The JMX client's own connection checker logs a warning every few seconds once a JVM it is connected to has gone
     * (a process killed in a run with a fault injected); {@link #snapshot} already leaves such a JVM out, saying so.
     */
    private static final java.util.logging.Logger JMX_CHECKER = java.util.logging.Logger.getLogger(
            "javax.management.remote.misc");

    static {
        JMX_CHECKER.setLevel(java.util.logging.Level.SEVERE);
    }

    private static JMXConnector connect(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        return JMXConnectorFactory.connect(new JMXServiceURL(address));
    }

    /** The bytes each live thread has allocated so far, by thread id, by JVM; a JVM that stopped answering left out. */
    Map<String, Map<Long, Long>> snapshot() {
        Map<String, Map<Long, Long>> snapshot = new LinkedHashMap<>();
        threads.forEach((name, bean) -> {
            try {
                long[] ids = bean.getAllThreadIds();
                long[] bytes = bean.getThreadAllocatedBytes(ids);
                Map<Long, Long> byThread = new LinkedHashMap<>();
                for (int i = 0; i < ids.length; i++) {
                    if (bytes[i] >= 0) { // -1: the thread ended between the two calls
                        byThread.put(ids[i], bytes[i]);
                    }
                }
                snapshot.put(name, byThread);
            } catch (RuntimeException stopped) {
                // a JVM that stopped (or dropped the connection) has no count: left out of this run's figures
            }
        });
        return snapshot;
    }

    /**
     * The bytes a JVM's threads allocated between two snapshots: of the threads alive at the second, what each
     * allocated since the first (all it allocated, for a thread started in between).
     */
    static long allocatedBetween(Map<Long, Long> before, Map<Long, Long> after) {
        long allocated = 0;
        for (Map.Entry<Long, Long> thread : after.entrySet()) {
            allocated += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }
        return allocated;
    }

    /** Bytes allocated per payment, by JVM, between two snapshots; JVMs not in both left out. */
    static Map<String, Double> perPayment(Map<String, Map<Long, Long>> before, Map<String, Map<Long, Long>> after,
                                          int payments) {
        return SuiteJvms.perPayment(before, after, payments, (start, end) -> (double) allocatedBetween(start, end));
    }

    @Override
    public void close() {
        for (JMXConnector connection : connections) {
            try {
                connection.close();
            } catch (Exception alreadyGone) {
                // the JVM stopped first: nothing left to close
            }
        }
    }
}

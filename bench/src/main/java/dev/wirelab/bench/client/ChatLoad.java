package dev.wirelab.bench.client;

import dev.wirelab.bench.report.BenchReport;
import dev.wirelab.bench.report.Percentiles;
import dev.wirelab.bench.report.ProcessSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;

/**
 * Runs one benchmark: connect and join every client, then either hold them ({@code idle}) or let
 * the senders send for the duration, drain, and measure. Every phase is bounded.
 */
public final class ChatLoad {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final LoadSettings settings;

  public ChatLoad(LoadSettings settings) {
    this.settings = settings;
  }

  public BenchReport run() throws InterruptedException {
    LoadCounters counters = new LoadCounters();
    ProcessSample beforeConnect = sample();
    try (ClientPool pool = new ClientPool(settings, counters)) {
      long deadline = System.nanoTime() + settings.connectTimeout().toNanos();
      List<ChatSession> sessions = pool.openAll(deadline);
      Connections connections = Connections.of(sessions, settings.clients());
      ProcessSample afterConnect = sample();
      Long rssPerConnection =
          afterConnect == null || connections.joined().isEmpty()
              ? null
              : (afterConnect.rssKb() - beforeConnect.rssKb()) * 1024 / connections.joined().size();
      if (settings.idle()) {
        hold(connections);
        return report(
            connections,
            counters,
            0,
            new CpuPerDelivery(null, null, Map.of()),
            rssPerConnection,
            sample(),
            null);
      }
      long warmup = settings.warmup().toNanos();
      long start = counters.start(warmup);
      CompletableFuture<ProcessSample> measuredFrom = pool.after(settings.warmup(), this::sample);
      CompletableFuture<ProcessSample> generatorFrom =
          pool.after(settings.warmup(), ChatLoad::sampleSelf);
      CompletableFuture<Map<Long, ProcessSample>> othersFrom =
          pool.after(settings.warmup(), this::sampleOthers);
      List<CompletableFuture<Void>> sending = startSenders(connections.joined(), counters, start);
      awaitBounded(
          CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)),
          settings.warmup().plus(settings.duration()).plusSeconds(10).toNanos());
      counters.expect(counters.sentMessages() * connections.joined().size());
      awaitBounded(counters.allDelivered(), settings.drain().toNanos());
      ProcessSample end = sample();
      Double serverCpu = perDelivery(measuredFrom.getNow(null), end, counters);
      Double generatorCpu = perDelivery(generatorFrom.getNow(null), sampleSelf(), counters);
      Map<Long, ProcessSample> othersEnd = sampleOthers();
      Map<Long, Double> othersCpu = new TreeMap<>();
      othersFrom
          .getNow(Map.of())
          .forEach(
              (pid, begin) -> {
                Double cpu = perDelivery(begin, othersEnd.get(pid), counters);
                if (cpu != null) {
                  othersCpu.put(pid, cpu);
                }
              });
      return report(
          connections,
          counters,
          counters.measuredNanos(),
          new CpuPerDelivery(serverCpu, generatorCpu, othersCpu),
          rssPerConnection,
          end,
          counters.latencies());
    }
  }

  /**
   * Keeps idle connections open for the duration; returns early only if every one of them closed.
   */
  private void hold(Connections connections) throws InterruptedException {
    List<CompletableFuture<Void>> closed = new ArrayList<>();
    for (ChatSession session : connections.joined()) {
      CompletableFuture<Void> gone = new CompletableFuture<>();
      session.channel().closeFuture().addListener(done -> gone.complete(null));
      closed.add(gone);
    }
    awaitBounded(
        CompletableFuture.allOf(closed.toArray(CompletableFuture[]::new)),
        settings.duration().toNanos());
  }

  private List<CompletableFuture<Void>> startSenders(
      List<ChatSession> joined, LoadCounters counters, long start) {
    int senders = Math.min(settings.senders(), joined.size());
    List<CompletableFuture<Void>> sending = new ArrayList<>();
    if (settings.rate() == 0) {
      return sending;
    }
    long period = NANOS_PER_SECOND / settings.rate();
    for (int i = 0; i < senders; i++) {
      long offset = period * i / senders;
      sending.add(
          new Sender(
                  joined.get(i).channel(),
                  i,
                  counters,
                  start,
                  period,
                  offset,
                  settings.warmup().plus(settings.duration()).toNanos())
              .start());
    }
    return sending;
  }

  /** Microseconds of CPU per delivery, of the server and of this generator; null when unknown. */
  private record CpuPerDelivery(Double server, Double generator, Map<Long, Double> others) {}

  private static Double perDelivery(ProcessSample begin, ProcessSample end, LoadCounters counters) {
    if (begin == null || end == null || counters.received() == 0) {
      return null;
    }
    return (double) ProcessSample.cpuMicrosBetween(begin, end) / counters.received();
  }

  private BenchReport report(
      Connections connections,
      LoadCounters counters,
      long elapsedNanos,
      CpuPerDelivery cpu,
      Long rssPerConnection,
      ProcessSample end,
      Histogram latencies) {
    long expected = counters.sentMessages() * connections.joined().size();
    double perSecond =
        elapsedNanos == 0 ? 0 : counters.received() * (double) NANOS_PER_SECOND / elapsedNanos;
    String firstError =
        connections.firstError() != null ? connections.firstError() : counters.firstFailure();
    return new BenchReport(
        settings.target().webSocketUri().toString(),
        settings.idle() ? "idle" : "chat",
        settings.clients(),
        settings.idle() ? 0 : settings.senders(),
        settings.idle() ? 0 : settings.rate(),
        settings.duration().toMillis() / 1000.0,
        settings.warmup().toMillis() / 1000.0,
        connections.joined().size(),
        connections.errors(),
        firstError,
        Percentiles.of(connections.connectTimes()),
        counters.sentMessages(),
        expected,
        counters.received(),
        expected - counters.received(),
        counters.disconnects(),
        perSecond,
        settings.expectedPerSecond(),
        latencies == null ? Percentiles.of(new Histogram(3)) : Percentiles.of(latencies),
        cpu.server(),
        cpu.generator(),
        rssPerConnection,
        end == null ? null : end.rssKb(),
        cpu.others());
  }

  private ProcessSample sample() {
    return settings.serverPid() > 0 ? ProcessSample.read(settings.serverPid()) : null;
  }

  private Map<Long, ProcessSample> sampleOthers() {
    Map<Long, ProcessSample> samples = new TreeMap<>();
    for (long pid : settings.otherPids()) {
      samples.put(pid, ProcessSample.read(pid));
    }
    return samples;
  }

  private static ProcessSample sampleSelf() {
    return ProcessSample.read(ProcessHandle.current().pid());
  }

  /** Waits up to {@code nanos}; a timeout is an outcome here (the report shows what is missing). */
  private static void awaitBounded(CompletableFuture<?> future, long nanos)
      throws InterruptedException {
    try {
      future.get(nanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return;
    } catch (ExecutionException | CompletionException e) {
      throw new IllegalStateException("a bench task failed: " + e.getCause(), e.getCause());
    }
  }
}

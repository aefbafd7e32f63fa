package dev.wirelab.labs.lab14;

import dev.wirelab.common.cli.UserError;
import dev.wirelab.labs.support.BadOption;
import dev.wirelab.labs.support.Endpoint;
import dev.wirelab.labs.support.LabEndpoint;
import dev.wirelab.labs.support.LabRunner;
import dev.wirelab.labs.support.LanHint;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.ProjectorWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lab 14: run {@code ./wirelab lab 14 demo} and watch a DNS query built and answered by hand. */
@Command(
    name = "14",
    description =
        "DNS by hand: a query built byte by byte, an answer parsed with compression "
            + "pointers, CNAMEs, NXDOMAIN, TC and the retry over TCP, malformed answers refused.",
    mixinStandardHelpOptions = true)
public final class Lab14DnsByHand implements Callable<Integer> {
  @Mixin LabEndpoint endpoint;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      defaultValue = "www.wirelab.test",
      description = "client: the name to resolve (default: ${DEFAULT-VALUE})")
  String name;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      defaultValue = "A",
      description = "client: A, AAAA, CNAME, MX, TXT or NS (default: ${DEFAULT-VALUE})")
  RecordType type;

  @Option(
      names = "--timeout-ms",
      paramLabel = "MS",
      defaultValue = "1000",
      description = "client: how long to wait for each UDP answer (default: ${DEFAULT-VALUE})")
  int timeoutMillis;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    LabRunner.main(new Lab14DnsByHand(), args);
  }

  @Override
  public Integer call() throws Exception {
    if (timeoutMillis < 1) {
      throw BadOption.because("--timeout-ms must be at least 1, not " + timeoutMillis);
    }
    PrintWriter out = ProjectorWriter.out(spec);
    StringBuilder settings = new StringBuilder("lab 14 DNS by hand: " + endpoint);
    switch (endpoint.mode()) {
      case client ->
          settings
              .append(" name=")
              .append(name)
              .append(" type=")
              .append(type)
              .append(" timeout-ms=")
              .append(timeoutMillis);
      case server, demo -> settings.append(" zone=").append(Zone.ORIGIN);
    }
    out.println(settings);
    Narrator narrator = new Narrator(out, endpoint.mode().name());
    switch (endpoint.mode()) {
      case server -> serve(narrator.as("server"));
      case client -> resolve(narrator.as("client"));
      case demo -> new DnsDemo(endpoint.host(), endpoint.port(), narrator, timeoutMillis).run();
    }
    return 0;
  }

  private void serve(Narrator narrator) throws Exception {
    try (NameServer server =
        NameServer.start(endpoint.host(), endpoint.port(), Zone.wirelabTest(), narrator::say)) {
      narrator.say(
          "authoritative for %s on %s port %d, UDP and TCP; try: ./wirelab lab 14 "
              + "client --port %d",
          Zone.ORIGIN, endpoint.host(), server.port(), server.port());
      narrator.say(
          "or: dig @%s -p %d www.wirelab.test   (Ctrl-C stops)",
          Endpoint.dialable(endpoint.host()), server.port());
      LanHint.say(narrator, "14", endpoint.host(), server.port());
      new CountDownLatch(1).await();
    }
  }

  private void resolve(Narrator narrator) throws Exception {
    StubResolver resolver =
        new StubResolver(
            new InetSocketAddress(endpoint.host(), endpoint.port()),
            timeoutMillis,
            0x1401,
            narrator::say);
    try {
      StubResolver.Resolution resolution = resolver.resolve(name, type);
      DnsDemo.printAnswers(narrator, resolution.answer());
    } catch (MalformedMessage e) {
      throw new UserError("refused the answer: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UserError(e.getMessage() + " (is the server running: ./wirelab lab 14 server?)", e);
    }
  }
}

package dev.wirelab.inspector.cli;

import dev.wirelab.common.cli.CommandRunner;
import dev.wirelab.common.cli.UserError;
import dev.wirelab.inspector.capture.CaptureFiles;
import dev.wirelab.inspector.capture.FrameFilter;
import dev.wirelab.inspector.capture.FrameSource;
import dev.wirelab.inspector.capture.LiveCapture;
import dev.wirelab.inspector.decode.FrameDecoder;
import dev.wirelab.inspector.output.FollowStream;
import dev.wirelab.inspector.output.FrameSink;
import dev.wirelab.inspector.output.HexSink;
import dev.wirelab.inspector.output.JsonSink;
import dev.wirelab.inspector.output.LadderSink;
import dev.wirelab.inspector.output.LayersSink;
import dev.wirelab.inspector.output.StatsSink;
import dev.wirelab.inspector.output.SummarySink;
import dev.wirelab.inspector.output.Terminal;
import dev.wirelab.inspector.output.WriteSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./wirelab inspect capture.pcap} (or {@code --live lo}): every frame of a capture, from a
 * one-line summary to every field of every layer, as JSON, hex or statistics.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Show every frame of a capture file or a live interface, layer by layer.",
      "Reads pcap and pcapng (recognised by their content, not their name)."
    })
public final class InspectCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(InspectCommand.class);
  private static final long CTRL_C_GRACE_SECONDS = 5;
  private static final Pattern DECODE_AS =
      Pattern.compile("tcp\\.port[=:](\\d{1,5})[:,](http|websocket|tls)");

  enum Colour {
    AUTO,
    ALWAYS,
    NEVER
  }

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      description = "pcap or pcapng file to read; - for standard input")
  String file;

  @Option(
      names = "--live",
      paramLabel = "INTERFACE",
      description = "capture live on this interface (needs root), e.g. lo")
  String live;

  @Option(
      names = "--list-interfaces",
      description = "list the interfaces --live can use, then exit")
  boolean listInterfaces;

  @Option(
      names = {"-f", "--filter"},
      paramLabel = "BPF",
      description = "keep only frames matching this libpcap filter, e.g. \"tcp port 3000\"")
  String filter;

  @Option(
      names = {"-c", "--count"},
      paramLabel = "N",
      description = "stop after N frames")
  long count;

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      description = "live capture: stop after this many seconds")
  double duration;

  @Option(
      names = "--snaplen",
      paramLabel = "BYTES",
      defaultValue = "262144",
      description = "live capture: bytes kept per frame (default: ${DEFAULT-VALUE})")
  int snapLen;

  @Option(
      names = {"-S", "--absolute-seq"},
      description =
          "summary: raw TCP sequence numbers (default: relative"
              + " to each side's first, seq 1:1122 as tcpdump and Wireshark show them; --json is always raw)")
  boolean absoluteSeq;

  @Option(
      names = "--decode-as",
      paramLabel = "tcp.port=PORT:PROTOCOL",
      description =
          "decode TCP port PORT as"
              + " PROTOCOL (websocket: frames from the first byte, for a capture that starts after the upgrade; tls:"
              + " TLS records on a port other than 443, 465, 636, 853, 993, 995, 5061, 5671, 8883, for a capture"
              + " that starts after the ClientHello; http and a ClientHello are recognised by content on"
              + " any port anyway), like tshark -d; may be repeated")
  List<String> decodeAs = new ArrayList<>();

  @Option(
      names = "--layers",
      description = "every layer of every frame as a tree, each field with its meaning")
  boolean layers;

  @Option(
      names = "--hex",
      description = "hex and ASCII dump of each frame, split at the layer boundaries")
  boolean hex;

  @Option(
      names = "--json",
      description = "one JSON object per frame (JSON Lines), field names as in tshark")
  boolean json;

  @Option(
      names = "--stats",
      description = "counts, protocol hierarchy and conversations at the end")
  boolean stats;

  @Option(
      names = "--follow",
      paramLabel = "STREAM",
      description = "the payload of TCP stream STREAM (0, 1, ...) in both directions")
  Integer follow;

  @Option(
      names = "--ladder",
      description = "the time-sequence (ladder) diagram of one TCP connection (see --stream)")
  boolean ladder;

  @Option(
      names = "--ladder-svg",
      paramLabel = "OUT.svg",
      description = "draw the ladder diagram as an SVG picture into this file")
  Path ladderSvg;

  @Option(
      names = "--stream",
      paramLabel = "N",
      defaultValue = "0",
      description = "--ladder: which TCP stream (0, 1, ...; default 0)")
  int stream;

  @Option(
      names = {"-w", "--write"},
      paramLabel = "FILE",
      description = "save the frames that passed the filter as a pcap file")
  String write;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      defaultValue = "AUTO",
      description = "colour the hex dump: auto (on a terminal), always, never")
  Colour colour;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(CommandRunner.run(new InspectCommand(), args));
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (listInterfaces) {
      LiveCapture.interfaces().forEach(out::println);
      out.flush();
      return 0;
    }
    if ((file == null) == (live == null)) {
      throw new UserError("give either a capture FILE or --live INTERFACE (try --help)", 2, null);
    }
    if (live == null && duration > 0) {
      throw new UserError("--duration is for live captures (--live)", 2, null);
    }
    FrameDecoder decoder =
        FrameDecoder.withInstalledDecoders(
                layers || hex
                    ? FrameDecoder.Detail.FIELDS
                    : json || stats || follow != null
                        ? FrameDecoder.Detail.JSON
                        : FrameDecoder.Detail.SUMMARY)
            .absoluteSequenceNumbers(absoluteSeq)
            .decodeAs(decodeAsRules());
    List<FrameSink> sinks = new ArrayList<>();
    CountDownLatch closed = new CountDownLatch(1);
    Thread ctrlC = null;
    try {
      try (FrameSource source = open();
          FrameFilter fileFilter = fileFilter();
          WriteSink writer = write == null ? null : new WriteSink(write)) {
        if (source instanceof LiveCapture capture) {
          ctrlC = stopOnCtrlC(capture, closed);
        }
        if (writer != null) {
          sinks.add(writer);
        }
        FrameSink shown = outputMode(out, writer != null);
        if (shown != null) {
          sinks.add(shown);
        }
        Progress progress = new Progress(spec.commandLine().getErr(), Terminal.stderrIsTerminal());
        Inspection.run(source, fileFilter, decoder, sinks, count, out, progress);
        out.flush();
        if (source.warning() != null) {
          spec.commandLine()
              .getErr()
              .println("warning: " + (file != null ? file + ": " : "") + source.warning());
          spec.commandLine().getErr().flush();
        }
      }
    } finally {
      closed.countDown();
      forget(ctrlC);
    }
    return 0;
  }

  /**
   * Ctrl-C during a live capture stops the capture instead of killing the JVM mid-write: the frames
   * read so far are printed and --write's file is completed before the JVM exits.
   */
  private static Thread stopOnCtrlC(LiveCapture capture, CountDownLatch closed) {
    Thread hook =
        new Thread(
            () -> {
              capture.stop();
              try {
                if (!closed.await(CTRL_C_GRACE_SECONDS, TimeUnit.SECONDS)) {
                  LOG.warn(
                      "the capture did not finish within {} s of Ctrl-C", CTRL_C_GRACE_SECONDS);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "inspect-ctrl-c");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  private static void forget(Thread hook) {
    if (hook == null) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      LOG.debug("the JVM is already shutting down; the Ctrl-C hook has done its job", shuttingDown);
    }
  }

  private Map<Integer, String> decodeAsRules() {
    Map<Integer, String> rules = new HashMap<>();
    for (String rule : decodeAs) {
      Matcher m = DECODE_AS.matcher(rule.toLowerCase(Locale.ROOT));
      if (!m.matches() || Integer.parseInt(m.group(1)) > 65535) {
        throw new UserError(
            "--decode-as "
                + rule
                + ": expected tcp.port=PORT:http, tcp.port=PORT:websocket or tcp.port=PORT:tls",
            2,
            null);
      }
      rules.put(Integer.parseInt(m.group(1)), m.group(2));
    }
    return rules;
  }

  private FrameSource open() {
    if (live != null) {
      return LiveCapture.open(live, filter, snapLen, Math.round(duration * 1000));
    }
    return CaptureFiles.open(file);
  }

  /** Live captures filter in the kernel; a file's frames are filtered here. */
  private FrameFilter fileFilter() {
    return filter == null || live != null ? null : FrameFilter.forFile(filter, file);
  }

  /** The chosen output mode; none when only --write was asked for. */
  private FrameSink outputMode(PrintWriter out, boolean writing) {
    boolean drawsLadder = ladder || ladderSvg != null;
    int modes =
        (layers ? 1 : 0)
            + (hex ? 1 : 0)
            + (json ? 1 : 0)
            + (stats ? 1 : 0)
            + (follow != null ? 1 : 0)
            + (drawsLadder ? 1 : 0);
    if (modes > 1) {
      throw new UserError(
          "choose one of --layers, --hex, --json, --stats, --follow, --ladder", 2, null);
    }
    if (drawsLadder) {
      return new LadderSink(out, stream, ladderSvg);
    }
    if (layers) {
      return new LayersSink(out);
    }
    if (hex) {
      boolean useColour =
          colour == Colour.ALWAYS || (colour == Colour.AUTO && Terminal.stdoutIsTerminal());
      return new HexSink(out, useColour);
    }
    if (json) {
      return new JsonSink(out);
    }
    if (stats) {
      return new StatsSink(out);
    }
    if (follow != null) {
      return followStream(out);
    }
    return writing ? null : new SummarySink(out);
  }

  private FrameSink followStream(PrintWriter out) {
    for (FollowStream provider : ServiceLoader.load(FollowStream.class)) {
      return provider.open(follow, out);
    }
    throw new UserError("--follow is not available in this build", 2, null);
  }
}

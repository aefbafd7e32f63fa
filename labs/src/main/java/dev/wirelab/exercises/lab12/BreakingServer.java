package dev.wirelab.exercises.lab12;

import dev.wirelab.labs.support.Stopping;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checker's server for exercise 12: it stores notes (once per id), delivers events until each
 * is receipted, and breaks the connection three times on purpose — after storing note 2 but before
 * its ACK, before storing note 3, and after receiving GOT 2 but before recording it. Connections
 * are served one at a time, as the student's client opens them.
 */
final class BreakingServer implements AutoCloseable {
  static final int EVENTS = 4;

  private final int notes;
  private final ServerSocket listener;
  private final Thread acceptor;

  /** id -> text, stored once per id. */
  private final Map<String, String> stored = new LinkedHashMap<>();

  /** Every id each text arrived under, retries included. */
  private final Map<String, Set<String>> idsOfText = new LinkedHashMap<>();

  private final Set<Integer> receipted = new TreeSet<>();
  private final Set<String> cutsDone = new HashSet<>();
  private final List<String> problems = new ArrayList<>();
  private int connections;

  private BreakingServer(int notes) throws IOException {
    this.notes = notes;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "exercise12-breaking-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static BreakingServer start(int notes) throws IOException {
    return new BreakingServer(notes);
  }

  int port() {
    return listener.getLocalPort();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try (Socket socket = listener.accept()) {
        synchronized (this) {
          connections++;
        }
        serve(socket);
      } catch (IOException e) {
        if (!listener.isClosed()) {
          synchronized (this) {
            problems.add(e.getMessage());
          }
        }
      }
    }
  }

  private void serve(Socket socket) throws IOException {
    socket.setSoTimeout(5_000);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    OutputStream out = socket.getOutputStream();
    for (int event = 1; event <= EVENTS; event++) {
      if (!isReceipted(event)) {
        send(out, "EVENT " + event + " event text " + event);
      }
    }
    String line;
    try {
      while ((line = in.readLine()) != null) {
        if (!handle(line, out)) {
          return; // a cut on purpose: the socket closes with the try of acceptLoop
        }
        if (complete()) {
          send(out, "BYE");
          return;
        }
      }
    } catch (SocketException e) {
      // The client went away; it will come back, or the check ends.
    }
  }

  /** Handles one line; false when this is where the connection breaks on purpose. */
  private synchronized boolean handle(String line, OutputStream out) throws IOException {
    String[] parts = line.split(" ", 3);
    if (parts[0].equals("SEND") && parts.length == 3) {
      String id = parts[1];
      String text = parts[2];
      if (text.equals("note 3") && cutsDone.add("before note 3")) {
        return false;
      }
      idsOfText.computeIfAbsent(text, t -> new TreeSet<>()).add(id);
      stored.putIfAbsent(id, text);
      if (text.equals("note 2") && cutsDone.add("ack of note 2")) {
        return false;
      }
      send(out, "ACK " + id);
      return true;
    }
    if (parts[0].equals("GOT") && parts.length == 2) {
      int event = Integer.parseInt(parts[1]);
      if (event == 2 && cutsDone.add("receipt of event 2")) {
        return false;
      }
      receipted.add(event);
      return true;
    }
    problems.add("a line that is not SEND or GOT: \"" + line + "\"");
    return true;
  }

  private synchronized boolean isReceipted(int event) {
    return receipted.contains(event);
  }

  private synchronized boolean complete() {
    return receipted.size() == EVENTS && stored.values().containsAll(expectedTexts());
  }

  List<String> expectedTexts() {
    List<String> texts = new ArrayList<>();
    for (int i = 1; i <= notes; i++) {
      texts.add("note " + i);
    }
    return texts;
  }

  /** The texts of the stored notes. */
  synchronized Set<String> storedTexts() {
    return new TreeSet<>(stored.values());
  }

  /** Texts that arrived under more than one id. */
  synchronized Map<String, Set<String>> textsUnderSeveralIds() {
    Map<String, Set<String>> several = new LinkedHashMap<>();
    idsOfText.forEach(
        (text, ids) -> {
          if (ids.size() > 1) {
            several.put(text, ids);
          }
        });
    return several;
  }

  synchronized int connections() {
    return connections;
  }

  synchronized Set<String> cutsDone() {
    return new TreeSet<>(cutsDone);
  }

  private static void send(OutputStream out, String line) throws IOException {
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    Stopping.join(acceptor, 10_000);
  }
}

package dev.wirelab.chat.classroom.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The chat history in one SQLite file. Blocking and single-threaded by design: {@link
 * HistoryService} runs it on its own thread so that a slow disk never stalls the network.
 *
 * <p>Durability: the journal is a write-ahead log and {@code synchronous=FULL}, so every commit
 * fsyncs the log before {@link #append} returns. An acknowledged message therefore survives a
 * {@code kill -9} of the server (NORMAL would already give that, since the log is in the operating
 * system's cache) and also a power cut or kernel crash (which only FULL gives).
 */
public final class MessageStore implements AutoCloseable {
  private static final String SCHEMA =
      """
      CREATE TABLE IF NOT EXISTS rooms (
        name        TEXT PRIMARY KEY,
        last_offset INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS messages (
        room      TEXT    NOT NULL,
        offset    INTEGER NOT NULL,
        client_id TEXT    NOT NULL,
        sender    TEXT    NOT NULL,
        text      TEXT    NOT NULL,
        sent_at   INTEGER NOT NULL,
        PRIMARY KEY (room, offset),
        UNIQUE (room, client_id)
      );
      CREATE TABLE IF NOT EXISTS private_parties (
        conversation TEXT NOT NULL,
        skeleton     TEXT NOT NULL,
        name         TEXT NOT NULL,
        identity     TEXT,
        PRIMARY KEY (conversation, skeleton)
      );
      """;

  private static final int PAGE_SIZE = 4096;
  private static final Logger log = LoggerFactory.getLogger(MessageStore.class);

  /** The most the write-ahead log may take of a size limit: it counts, as the disk does. */
  private static final long MAX_WAL_BYTES = 1024 * 1024;

  private final Path file;
  private final Connection connection;
  private final FileLock lock;

  private MessageStore(Path file, Connection connection, FileLock lock) {
    this.file = file;
    this.connection = connection;
    this.lock = lock;
  }

  /** Opens (creating if needed) the history at {@code file}, with no size limit but the disk's. */
  public static MessageStore open(Path file) {
    return open(file, Long.MAX_VALUE);
  }

  /**
   * Opens (creating if needed) the history at {@code file}, which may grow to about {@code
   * maxBytes}; past that a send fails like on a full disk. Throws one clear sentence if it can't.
   */
  public static MessageStore open(Path file, long maxBytes) {
    Path absolute = file.toAbsolutePath();
    FileLock lock = null;
    try {
      Path parent = absolute.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (Files.isDirectory(absolute)) {
        throw new SQLException("it is a directory");
      }
      lock = lock(absolute);
      // The log is part of the size: it is checkpointed and cut back before it outgrows its share.
      boolean limited = maxBytes != Long.MAX_VALUE;
      long walBytes = limited ? Math.min(MAX_WAL_BYTES, maxBytes / 4) : 0;
      SQLiteConfig config = new SQLiteConfig();
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
      config.setBusyTimeout(5_000);
      config.setPageSize(PAGE_SIZE);
      if (limited) {
        config.setJournalSizeLimit((int) walBytes);
      }
      config.setMaxPageCount(
          (int) Math.min(Integer.MAX_VALUE, Math.max(1, (maxBytes - walBytes) / PAGE_SIZE)));
      Connection connection =
          DriverManager.getConnection("jdbc:sqlite:" + absolute, config.toProperties());
      try (Statement statement = connection.createStatement()) {
        if (limited) {
          statement.execute("PRAGMA wal_autocheckpoint = " + Math.max(1, walBytes / PAGE_SIZE / 2));
        }
        checkIntact(statement, absolute);
        statement.executeUpdate(SCHEMA);
      } catch (SQLException | StoreException e) {
        connection.close();
        throw e;
      }
      return new MessageStore(absolute, connection, lock);
    } catch (StoreException e) {
      release(lock);
      throw e;
    } catch (Exception e) {
      release(lock);
      throw new StoreException("cannot open the chat history " + absolute + ": " + reason(e), e);
    }
  }

  /**
   * Holds {@code FILE.lock} while the store is open, so a second server on the same history is
   * refused. A file of its own: a lock on the database file would be dropped by SQLite's closes.
   */
  private static FileLock lock(Path database) throws IOException {
    Path lockFile = database.resolveSibling(database.getFileName() + ".lock");
    FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new StoreException(
          "the chat history "
              + database
              + " is in use by another chat"
              + " (stop it, or choose another file with --db)",
          null);
    }
    return lock;
  }

  private static void release(FileLock lock) {
    if (lock == null) {
      return;
    }
    try {
      lock.channel().close();
    } catch (IOException e) {
      log.warn("could not release the lock of the chat history: {}", e.toString());
    }
  }

  /**
   * SQLite notices damage only where it reads: a quick check at start says so before anyone writes.
   */
  private static void checkIntact(Statement statement, Path file) throws SQLException {
    String verdict;
    try (ResultSet rows = statement.executeQuery("PRAGMA quick_check")) {
      verdict = rows.next() ? rows.getString(1) : "no answer";
    } catch (SQLException e) {
      verdict = reason(e);
    }
    if (!"ok".equals(verdict)) {
      throw new StoreException(
          "the chat history "
              + file
              + " is damaged ("
              + verdict
              + "); restore a copy, or choose another file with --db",
          null);
    }
  }

  /** The result of {@link #append}: the stored message, and whether it had been stored before. */
  public record Appended(ChatMessage message, boolean duplicate) {}

  /**
   * One side of a private conversation: the skeleton of the name (what makes two names one), the
   * name as shown, and the identity of the page that held the name when the conversation began
   * (null if that page sent none).
   */
  public record Party(String skeleton, String name, String identity) {}

  /** A private conversation as one of its two sides sees it. */
  public record Conversation(String key, Party mine, Party peer) {}

  /**
   * The key of the private conversation between two names, the same whoever writes first. It is
   * stored in the room column with the rooms, whose names never start with {@code @}; the newline
   * cannot be in a name.
   */
  public static String conversationKey(String skeleton, String otherSkeleton) {
    return skeleton.compareTo(otherSkeleton) <= 0
        ? "@" + skeleton + "\n" + otherSkeleton
        : "@" + otherSkeleton + "\n" + skeleton;
  }

  public Path file() {
    return file;
  }

  /**
   * Stores a message once: if this room already holds {@code clientId} (a retry whose first ack was
   * lost), the stored copy is returned, marked as a duplicate, and nothing is written.
   */
  public synchronized Appended append(
      String room, String clientId, String sender, String text, long sentAtMillis) {
    return store(room, clientId, sender, text, sentAtMillis, List.of());
  }

  /**
   * Stores a private message like a room's (once per client id, offsets of its own), and in the
   * same transaction the two sides of the conversation, if it is their first message: whoever held
   * each name then holds its side from now on.
   */
  public synchronized Appended appendPrivate(
      String conversation, Party from, Party to, String clientId, String text, long sentAtMillis) {
    return store(conversation, clientId, from.name(), text, sentAtMillis, List.of(from, to));
  }

  /** The sides of a private conversation, by skeleton; empty if nothing was ever said in it. */
  public synchronized List<Party> parties(String conversation) {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT skeleton, name, identity FROM private_parties WHERE conversation = ?")) {
      select.setString(1, conversation);
      List<Party> parties = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          parties.add(new Party(rows.getString(1), rows.getString(2), rows.getString(3)));
        }
      }
      return parties;
    } catch (SQLException e) {
      throw new StoreException("could not read a private conversation: " + reason(e), e);
    }
  }

  /** The private conversations in which a name holds a side, with whom, by name. */
  public synchronized List<Conversation> conversationsOf(String skeleton) {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT mine.conversation, mine.name, mine.identity,"
                + " peer.skeleton, peer.name, peer.identity"
                + " FROM private_parties mine JOIN private_parties peer"
                + " ON peer.conversation = mine.conversation AND peer.skeleton <> mine.skeleton"
                + " WHERE mine.skeleton = ? ORDER BY peer.name")) {
      select.setString(1, skeleton);
      List<Conversation> conversations = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          conversations.add(
              new Conversation(
                  rows.getString(1),
                  new Party(skeleton, rows.getString(2), rows.getString(3)),
                  new Party(rows.getString(4), rows.getString(5), rows.getString(6))));
        }
      }
      return conversations;
    } catch (SQLException e) {
      throw new StoreException("could not read the private conversations: " + reason(e), e);
    }
  }

  private Appended store(
      String room,
      String clientId,
      String sender,
      String text,
      long sentAtMillis,
      List<Party> parties) {
    try {
      Optional<ChatMessage> existing = find(room, clientId);
      if (existing.isPresent()) {
        return new Appended(existing.get(), true);
      }
      // Plain BEGIN/COMMIT statements: the driver's setAutoCommit would commit on its own when
      // switched back and hide the error of a transaction SQLite already rolled back.
      execute("BEGIN IMMEDIATE");
      try {
        for (Party party : parties) {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT OR IGNORE INTO private_parties (conversation, skeleton, name, identity)"
                      + " VALUES (?, ?, ?, ?)")) {
            insert.setString(1, room);
            insert.setString(2, party.skeleton());
            insert.setString(3, party.name());
            insert.setString(4, party.identity());
            insert.executeUpdate();
          }
        }
        long offset = nextOffset(room);
        try (PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO messages (room, offset, client_id, sender, text, sent_at) VALUES (?, ?, ?, ?, ?, ?)")) {
          insert.setString(1, room);
          insert.setLong(2, offset);
          insert.setString(3, clientId);
          insert.setString(4, sender);
          insert.setString(5, text);
          insert.setLong(6, sentAtMillis);
          insert.executeUpdate();
        }
        execute("COMMIT");
        return new Appended(
            new ChatMessage(room, offset, clientId, sender, text, sentAtMillis), false);
      } catch (SQLException e) {
        rollBackAfter(e);
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("could not store the message: " + reason(e), e);
    }
  }

  /**
   * Messages of {@code room} with an offset above {@code afterOffset}, oldest first, at most {@code
   * limit}.
   */
  public synchronized List<ChatMessage> after(String room, long afterOffset, int limit) {
    return query(
        "SELECT * FROM messages WHERE room = ? AND offset > ? ORDER BY offset LIMIT ?",
        room,
        afterOffset,
        limit);
  }

  /** The last {@code limit} messages of {@code room}, oldest first. */
  public synchronized List<ChatMessage> recent(String room, int limit) {
    return query(
        "SELECT * FROM (SELECT * FROM messages WHERE room = ? ORDER BY offset DESC LIMIT ?) "
            + "ORDER BY offset",
        room,
        limit);
  }

  /** The last {@code limit} messages of {@code room} below {@code beforeOffset}, oldest first. */
  public synchronized List<ChatMessage> before(String room, long beforeOffset, int limit) {
    return query(
        "SELECT * FROM (SELECT * FROM messages WHERE room = ? AND offset < ? "
            + "ORDER BY offset DESC LIMIT ?) ORDER BY offset",
        room,
        beforeOffset,
        limit);
  }

  /**
   * Deletes a room's messages; offsets keep counting from where they were, so pages never go back.
   */
  public synchronized int clear(String room) {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM messages WHERE room = ?")) {
      delete.setString(1, room);
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("could not clear room " + room + ": " + reason(e), e);
    }
  }

  /** The highest offset ever given in {@code room}, 0 if none. */
  public synchronized long lastOffset(String room) {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT last_offset FROM rooms WHERE name = ?")) {
      select.setString(1, room);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw new StoreException("could not read room " + room + ": " + reason(e), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("could not close the chat history " + file + ": " + reason(e), e);
    } finally {
      release(lock);
    }
  }

  /**
   * SQLite may already have rolled back (a full disk does); the original error is the one to
   * report.
   */
  private void rollBackAfter(SQLException failure) {
    try {
      execute("ROLLBACK");
    } catch (SQLException rollbackFailure) {
      failure.addSuppressed(rollbackFailure);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private long nextOffset(String room) throws SQLException {
    // Two plain statements rather than UPSERT ... RETURNING: the driver reports a full disk
    // reliably from executeUpdate, and the transaction must fail as a whole when it does.
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO rooms (name, last_offset) VALUES (?, 1) "
                + "ON CONFLICT (name) DO UPDATE SET last_offset = last_offset + 1")) {
      upsert.setString(1, room);
      upsert.executeUpdate();
    }
    try (PreparedStatement select =
        connection.prepareStatement("SELECT last_offset FROM rooms WHERE name = ?")) {
      select.setString(1, room);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private Optional<ChatMessage> find(String room, String clientId) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT * FROM messages WHERE room = ? AND client_id = ?")) {
      select.setString(1, room);
      select.setString(2, clientId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(read(rows)) : Optional.empty();
      }
    }
  }

  private List<ChatMessage> query(String sql, String room, Object... parameters) {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, room);
      for (int i = 0; i < parameters.length; i++) {
        select.setObject(i + 2, parameters[i]);
      }
      List<ChatMessage> messages = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          messages.add(read(rows));
        }
      }
      return messages;
    } catch (SQLException e) {
      throw new StoreException("could not read room " + room + ": " + reason(e), e);
    }
  }

  private static ChatMessage read(ResultSet row) throws SQLException {
    return new ChatMessage(
        row.getString("room"),
        row.getLong("offset"),
        row.getString("client_id"),
        row.getString("sender"),
        row.getString("text"),
        row.getLong("sent_at"));
  }

  /**
   * SQLite's messages start with an error code in brackets; the sentence after it is what a person
   * needs.
   */
  private static String reason(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int close = message.indexOf(']');
    String trimmed =
        message.startsWith("[") && close > 0 ? message.substring(close + 1).trim() : message;
    return trimmed.replace('\n', ' ');
  }
}

package dev.wirelab.chat.http;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Serves files below a URL prefix from a directory or a class-path folder; {@code /} means {@code
 * index.html}, and no path can climb out of the folder.
 */
final class StaticFiles implements HttpRoute {
  /** A segment starting with a dot ("..", hidden files), a backslash or NUL: never served. */
  private static final Pattern UNSAFE_SEGMENT = Pattern.compile("(^|/)\\.|\\\\|\u0000");

  private static final String TEXT = "text/plain; charset=UTF-8";

  private final String prefix;
  private final Path directory;
  private final String classpathFolder;

  private StaticFiles(String prefix, Path directory, String classpathFolder) {
    this.prefix = prefix;
    this.directory = directory;
    this.classpathFolder = classpathFolder;
  }

  static StaticFiles fromDirectory(String prefix, Path directory) {
    return new StaticFiles(prefix, directory.toAbsolutePath().normalize(), null);
  }

  static StaticFiles fromClasspath(String prefix, String folder) {
    String trimmed = folder.replaceAll("^/+|/+$", "");
    return new StaticFiles(prefix, null, trimmed);
  }

  /** The page's own scripts and connections only, and never inside another site's frame. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; connect-src 'self' ws: wss:; "
          + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  @Override
  public void handle(FullHttpRequest request, HttpExchange exchange) {
    if (!HttpMethod.GET.equals(request.method()) && !HttpMethod.HEAD.equals(request.method())) {
      exchange.extraHeaders().set(HttpHeaderNames.ALLOW, "GET, HEAD");
      exchange.reply(
          HttpResponseStatus.METHOD_NOT_ALLOWED, TEXT, "Only GET and HEAD are allowed here\n");
      return;
    }
    // As headers, not only as the page's <meta>: frame-ancestors works only here.
    exchange
        .extraHeaders()
        .set(HttpHeaderNames.CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY)
        .set(HttpHeaderNames.X_FRAME_OPTIONS, "DENY");
    String path = new QueryStringDecoder(request.uri()).path();
    String relative = path.substring(Math.min(prefix.length(), path.length()));
    if (relative.isEmpty() || relative.endsWith("/")) {
      relative += "index.html";
    }
    Optional<byte[]> content =
        UNSAFE_SEGMENT.matcher(relative).find() ? Optional.empty() : read(relative);
    if (content.isEmpty()) {
      exchange.reply(HttpResponseStatus.NOT_FOUND, TEXT, "Not found\n");
      return;
    }
    exchange.extraHeaders().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
    exchange.reply(HttpResponseStatus.OK, ContentTypes.of(relative), content.get());
  }

  private Optional<byte[]> read(String relative) {
    try {
      return directory != null ? readFile(relative) : readResource(relative);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read static file " + relative, e);
    }
  }

  private Optional<byte[]> readFile(String relative) throws IOException {
    Path file = directory.resolve(relative).normalize();
    if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(Files.readAllBytes(file));
  }

  private Optional<byte[]> readResource(String relative) throws IOException {
    String name = classpathFolder.isEmpty() ? relative : classpathFolder + "/" + relative;
    URL resource = StaticFiles.class.getClassLoader().getResource(name);
    if (resource == null || isDirectory(resource)) {
      return Optional.empty();
    }
    try (InputStream in = resource.openStream()) {
      return Optional.of(in.readAllBytes());
    }
  }

  /** A class-path folder outside a jar reads as a listing of its files; it is not a file. */
  private static boolean isDirectory(URL resource) {
    try {
      return "file".equals(resource.getProtocol()) && Files.isDirectory(Path.of(resource.toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException("class-path resource with a bad URL: " + resource, e);
    }
  }
}

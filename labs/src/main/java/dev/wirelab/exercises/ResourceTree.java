package dev.wirelab.exercises;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Copies a folder of class-path resources to disk, from the classes folder of a Maven build or from
 * inside the shaded {@code wirelab.jar}.
 */
public final class ResourceTree {
  private ResourceTree() {}

  /** Whether {@code folder} exists on the class path of {@code loader}. */
  public static boolean exists(ClassLoader loader, String folder) {
    return loader.getResource(folder) != null;
  }

  /**
   * Copies every file under {@code folder} to {@code target}, keeping relative paths.
   *
   * @return the relative paths written, sorted
   */
  public static List<Path> copy(ClassLoader loader, String folder, Path target) throws IOException {
    URL url = loader.getResource(folder);
    if (url == null) {
      throw new IOException("no resource folder " + folder + " on the class path");
    }
    URI uri = toUri(url);
    if ("jar".equals(uri.getScheme())) {
      String spec = uri.toString();
      int bang = spec.indexOf("!/");
      try (FileSystem jar =
          FileSystems.newFileSystem(URI.create(spec.substring(0, bang)), Map.of())) {
        return copyTree(jar.getPath(spec.substring(bang + 1)), target);
      }
    }
    return copyTree(Path.of(uri), target);
  }

  private static URI toUri(URL url) throws IOException {
    try {
      return url.toURI();
    } catch (URISyntaxException e) {
      throw new IOException("cannot read resource " + url, e);
    }
  }

  private static List<Path> copyTree(Path source, Path target) throws IOException {
    List<Path> written = new ArrayList<>();
    try (Stream<Path> files = Files.walk(source)) {
      files
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(
              file -> {
                // Path.toString keeps zip paths and disk paths apart: the two file systems differ.
                Path relative = Path.of(source.relativize(file).toString());
                Path destination = target.resolve(relative);
                try {
                  Files.createDirectories(destination.getParent());
                  Files.copy(file, destination);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
                written.add(relative);
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return written;
  }

  /** Deletes {@code root} and everything under it. */
  public static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

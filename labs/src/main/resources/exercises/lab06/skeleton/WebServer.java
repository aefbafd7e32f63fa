import java.io.IOException;
import java.nio.file.Path;

/** Exercise 06: an HTTP/1.1 file server. Run: java WebServer PORT ROOT */
public class WebServer {
  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    Path root = Path.of(args[1]);
    System.out.println("serving " + root + " on port " + port);

    // TODO 1: listen on the port and give each connection a thread of its own.
    // TODO 2: read the request line ("GET /index.html HTTP/1.1") and the header lines up to the
    //         empty line. Lines end in \r\n; the head is ASCII: read it byte by byte.
    // TODO 3: a request line that is not METHOD SP PATH SP HTTP/1.x: answer 400 and close.
    // TODO 4: GET: the file under ROOT ("/" is index.html): "HTTP/1.1 200 OK", Content-Type,
    //         Content-Length (the body's bytes), an empty line, the file. No such file: 404.
    // TODO 5: HEAD: the same head as GET, no body.
    // TODO 6: keep the connection open and read the next request, unless the request said
    //         "Connection: close" (then answer with Connection: close, and close).
  }
}

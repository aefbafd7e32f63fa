/**
 * Exercise 10: a line server on one Netty event loop. Read TASK.md first.
 * The checker runs {@code main} with the port to listen on as its only argument.
 */
public class LineServer {
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 9010;
    System.out.println("TODO listen on 127.0.0.1:" + port);
    // TODO one event loop (one thread) for everything: new MultiThreadIoEventLoopGroup(1, ...)
    // TODO a ServerBootstrap whose child pipeline cuts the byte stream into lines, decodes and
    //      encodes strings, and ends with your handler
    // TODO bind, print the address, and wait until the listener closes
  }

  // TODO your handler: for each line, write back the line in capitals and a newline
}

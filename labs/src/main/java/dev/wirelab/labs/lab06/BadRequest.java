package dev.wirelab.labs.lab06;

/** A request the server cannot serve, with the error response that says why. */
public final class BadRequest extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Response response;

  public BadRequest(Response response) {
    super(response.statusLine());
    this.response = response;
  }

  public Response response() {
    return response;
  }
}

package mesoslab.standin.http;

/**
 * Thrown by a route to answer with an error status. The server turns it into a response with
 * {@link #response()}; by default a plain-text body holding the message.
 */
public class HttpError extends RuntimeException {
    private final transient Response response;

    public HttpError(int status, String message) {
        this(Response.text(status, message), message);
    }

    public HttpError(Response response, String message) {
        super(message);
        this.response = response;
    }

    public Response response() {
        return response;
    }
}

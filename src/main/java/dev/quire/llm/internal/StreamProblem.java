package dev.quire.llm.internal;

/**
 * Something in a response that is not a transport failure: an error the provider reported (inside a stream or
 * as an error body), data that cannot be parsed, or something that is not the API at all. Carries the raw
 * facts; {@link Errors} turns them into a message for the writer.
 */
public final class StreamProblem extends RuntimeException {

    public enum Type { PROVIDER_ERROR, MALFORMED, NOT_AN_API }

    private final Type type;
    private final Integer status;
    private final String code;
    private final String serverMessage;

    private StreamProblem(Type type, Integer status, String code, String serverMessage, String detail) {
        super(detail, null, false, false);
        this.type = type;
        this.status = status;
        this.code = code;
        this.serverMessage = serverMessage;
    }

    /** An error object from the provider: {@code status} may be null (inside a 200 stream), code is its type or code. */
    public static StreamProblem providerError(Integer status, String code, String serverMessage) {
        return new StreamProblem(Type.PROVIDER_ERROR, status, code, serverMessage, "provider error " + code);
    }

    public static StreamProblem malformed(String detail) {
        return new StreamProblem(Type.MALFORMED, null, null, null, detail);
    }

    public static StreamProblem notAnApi(String detail) {
        return new StreamProblem(Type.NOT_AN_API, null, null, null, detail);
    }

    public Type type() {
        return type;
    }

    public Integer status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String serverMessage() {
        return serverMessage;
    }

    public String detail() {
        return getMessage();
    }
}

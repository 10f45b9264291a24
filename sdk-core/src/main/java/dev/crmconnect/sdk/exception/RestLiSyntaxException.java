package dev.crmconnect.sdk.exception;

/**
 * Text that is not well-formed Rest.li 2.0. The message names the position and what was expected
 * there; it never repeats the text itself, which may hold personal data.
 */
public final class RestLiSyntaxException extends CrmConnectException {

    private static final long serialVersionUID = 1L;

    /** The 0-based index in the decoded text where the problem was found. */
    private final int position;

    /**
     * Creates the exception.
     *
     * @param position the 0-based index where the problem was found
     * @param problem what was expected there, never repeating the text
     */
    public RestLiSyntaxException(int position, String problem) {
        super("Malformed Rest.li text at position " + position + ": " + problem, null);
        this.position = position;
    }

    /**
     * Where the problem was found.
     *
     * @return the 0-based index, in the text given to the decoder, of the offending character
     */
    public int position() {
        return position;
    }
}

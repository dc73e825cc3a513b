package kz.tirkeu.platform.web;

import java.util.Map;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * A request that cannot be served, told as RFC 9457 problem+json: a stable {@code code} for
 * programs and a message for people that says what to do next.
 *
 * <p>The message people read is written in kk, ru and en under {@code api.problem.<CODE>} in
 * {@code problems*.properties}, with the {@code arguments} as its {0}, {1}…; the English message given
 * here is what the log says and the fallback. A code with more than one situation behind it names the
 * situation ({@link #situation}): {@code api.problem.<CODE>.<situation>}.
 */
public class ProblemException extends RuntimeException implements MessageSourceResolvable {

    /** Where the texts of problems live in the message bundles. */
    public static final String TEXT_PREFIX = "api.problem.";

    private final String code;
    private final HttpStatus status;
    private final Object[] arguments;
    private String situation;
    private String textCode;

    public ProblemException(String code, HttpStatus status, String message) {
        this(code, status, message, new Object[0]);
    }

    /** @param arguments the facts the text names, in the order of its placeholders */
    public ProblemException(String code, HttpStatus status, String message, Object... arguments) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.arguments = arguments.clone();
    }

    /**
     * A fact named in the person's language too, as an argument: e.g. {@code named("status." + status, status.name())}
     * puts the status as the bundle writes it in the reader's language.
     */
    public static MessageSourceResolvable named(String key, String fallback) {
        return new DefaultMessageSourceResolvable(new String[] {key}, fallback);
    }

    /** Tells it with the text of another code, for a family of codes one sentence serves (NOT_AWAITING_… → NOT_IN_STEP). */
    public ProblemException toldAs(String textCode) {
        this.textCode = textCode;
        return this;
    }

    /** Names which of the code's situations this is, when one code has several texts. */
    public ProblemException situation(String situation) {
        this.situation = situation;
        return this;
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    /** Further members of the problem document, for programs (e.g. which refusal a check found); none by default. */
    public Map<String, Object> properties() {
        return Map.of();
    }

    /** The bundle key of the text, e.g. {@code api.problem.CODE_WRONG} or {@code api.problem.SCOPE_INVALID.police}. */
    public String textKey() {
        return TEXT_PREFIX + (textCode == null ? code : textCode) + (situation == null ? "" : "." + situation);
    }

    @Override
    public String[] getCodes() {
        return new String[] {textKey()};
    }

    @Override
    public Object[] getArguments() {
        return arguments.clone();
    }

    @Override
    public String getDefaultMessage() {
        return getMessage();
    }
}

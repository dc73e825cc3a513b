package kz.tirkeu.platform;

import java.util.Map;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * What a business area says when it cannot do what was asked: a stable {@code code} for programs, the facts the text
 * names, and {@link Reason why} in the domain's words — never an HTTP status, which is the web layer's to choose
 * ({@code platform.web.ProblemStatus}). The texts people read are written in kk, ru and en under
 * {@code api.problem.<CODE>} in {@code problems*.properties}, with the {@code arguments} as its {0}, {1}…; the English
 * message given here is what the log says and the fallback. A code with more than one situation behind it names the
 * situation ({@link #situation}): {@code api.problem.<CODE>.<situation>}.
 */
public class CannotServe extends RuntimeException implements MessageSourceResolvable {

    /** Where the texts of problems live in the message bundles. */
    public static final String TEXT_PREFIX = "api.problem.";

    /** Why, in the domain's terms. */
    public enum Reason {
        /** What was sent is not valid: a value, a choice, a missing field. */
        INVALID,
        /** There is no such thing — or it is someone else's, which is not told. */
        NOT_FOUND,
        /** It cannot be done in the state things are in (the application is at another step, already decided…). */
        CONFLICT,
        /** It could be done once, no more: a code expired, a link was used. */
        GONE,
        /** The person is known but may not do this. */
        FORBIDDEN,
        /** Who asks is not proved: no session, a signature that does not verify. */
        NOT_AUTHENTICATED,
        /** Well formed but not acceptable on its merits (a signature by the wrong person, a regime's limits). */
        UNPROCESSABLE,
        /** Asked too often; wait. */
        TOO_MANY,
        /** Too large to accept. */
        TOO_LARGE,
        /** Not now: a system it depends on does not answer. Nothing is lost; ask again later. */
        UNAVAILABLE
    }

    private final String code;
    private final Reason reason;
    private final Object[] arguments;
    private String situation;
    private String textCode;

    public CannotServe(String code, Reason reason, String message) {
        this(code, reason, message, new Object[0]);
    }

    /** @param arguments the facts the text names, in the order of its placeholders */
    public CannotServe(String code, Reason reason, String message, Object... arguments) {
        super(message, null, false, false);
        this.code = code;
        this.reason = reason;
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
    public CannotServe toldAs(String textCode) {
        this.textCode = textCode;
        return this;
    }

    /** Names which of the code's situations this is, when one code has several texts. */
    public CannotServe situation(String situation) {
        this.situation = situation;
        return this;
    }

    public String code() {
        return code;
    }

    public Reason reason() {
        return reason;
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

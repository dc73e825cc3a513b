package kz.tirkeu.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of notices, per template key and language, from {@code notification/templates_<lang>.properties}
 * (UTF-8). A template is written with named {@code {placeholders}} that the notice's parameters fill in;
 * a coded parameter value (a refusal reason, a state system) is written in the reader's language where
 * the file has {@code value.<placeholder>.<CODE>}; a text the caller has in every language is given as
 * {@code name@kk}, {@code name@ru} and {@code name@en}, and the reader's is used.
 *
 * <p>Texts are rendered when they are shown or sent, never stored in advance, so a person who switches
 * language reads every notice in the new one.
 */
final class NoticeTemplates {

    static final String RESOURCE = "notification/templates_%s.properties";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final String VALUE_PREFIX = "value.";
    private static final String EMAIL_FOOTER = "email.footer";

    /** The pieces of one template. A notice template has all of them; a code template only {@link #SMS}. */
    enum Part {
        SMS("sms"), INBOX_TITLE("inbox.title"), INBOX_BODY("inbox.body"), EMAIL_SUBJECT("email.subject"), EMAIL_BODY("email.body");

        final String suffix;

        Part(String suffix) {
            this.suffix = suffix;
        }
    }

    record Email(String subject, String body) {}

    private final Map<Language, Properties> texts;
    private final Language fallback;
    /** template key → its parts, as found in the fallback language. */
    private final Map<String, Set<Part>> templates;

    NoticeTemplates(Map<Language, Properties> texts, Language fallback) {
        this.texts = new EnumMap<>(texts);
        this.fallback = fallback;
        if (!this.texts.containsKey(fallback)) {
            throw new IllegalStateException("No notice templates in the default language " + fallback.tag());
        }
        this.templates = templatesIn(this.texts.get(fallback));
        for (var template : templates.entrySet()) {
            Set<Part> parts = template.getValue();
            boolean code = parts.equals(Set.of(Part.SMS));
            if (!code && !parts.equals(Set.of(Part.values()))) {
                throw new IllegalStateException("Template '%s' has %s: a notice needs all of %s, a code template only sms"
                        .formatted(template.getKey(), parts, Set.of(Part.values())));
            }
        }
    }

    /** The templates shipped with the server, in kk, ru and en. */
    static NoticeTemplates load(Language fallback) {
        Map<Language, Properties> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            readResource(language).ifPresent(properties -> texts.put(language, properties));
        }
        return new NoticeTemplates(texts, fallback);
    }

    static Optional<Properties> readResource(Language language) {
        String name = RESOURCE.formatted(language.tag());
        try (InputStream in = NoticeTemplates.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return Optional.of(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + name, e);
        }
    }

    /** template key → parts, for every template key in the given file; throws on a key it does not understand. */
    static Map<String, Set<Part>> templatesIn(Properties properties) {
        Map<String, Set<Part>> found = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(VALUE_PREFIX) || key.equals(EMAIL_FOOTER)) {
                continue;
            }
            Part part = partOf(key).orElseThrow(() -> new IllegalStateException("Not a template key: '" + key + "'"));
            String template = key.substring(0, key.length() - part.suffix.length() - 1);
            found.computeIfAbsent(template, t -> new TreeSet<>()).add(part);
        }
        return found;
    }

    private static Optional<Part> partOf(String key) {
        for (Part part : Part.values()) {
            if (key.endsWith("." + part.suffix)) {
                return Optional.of(part);
            }
        }
        return Optional.empty();
    }

    static Set<String> placeholdersIn(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    boolean isNotice(String template) {
        return templates.getOrDefault(template, Set.of()).contains(Part.INBOX_TITLE);
    }

    boolean isCode(String template) {
        return templates.getOrDefault(template, Set.of()).equals(Set.of(Part.SMS));
    }

    /** Every placeholder any part of the template uses. */
    Set<String> placeholders(String template) {
        Set<String> names = new TreeSet<>();
        for (Part part : templates.getOrDefault(template, Set.of())) {
            names.addAll(placeholdersIn(text(template, part, fallback)));
        }
        return names;
    }

    /**
     * Refuses, at the caller, a notice that could never be rendered: an unknown template, or parameters
     * that leave a placeholder empty.
     */
    void requireRenderableNotice(String template, Map<String, String> parameters) {
        if (!isNotice(template)) {
            throw new IllegalArgumentException("No notice template '" + template + "'; there are " + noticeTemplates());
        }
        Set<String> missing = new TreeSet<>(placeholders(template));
        missing.removeAll(parameters.keySet());
        missing.removeIf(name -> java.util.Arrays.stream(Language.values()).allMatch(l -> parameters.containsKey(name + "@" + l.tag())));
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The notice '" + template + "' needs the parameters " + missing);
        }
    }

    Set<String> noticeTemplates() {
        Set<String> notices = new TreeSet<>();
        templates.keySet().stream().filter(this::isNotice).forEach(notices::add);
        return notices;
    }

    String render(String template, Part part, Language language, Map<String, String> parameters) {
        String text = text(template, part, language);
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            // A text the caller already has in every language (e.g. from a regime's record) comes as name@kk, name@ru, name@en.
            String value = parameters.getOrDefault(name + "@" + language.tag(), parameters.get(name));
            if (value == null) {
                throw new IllegalArgumentException("The notice '" + template + "' needs the parameter " + name);
            }
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(localizedValue(name, value, language)));
        }
        matcher.appendTail(rendered);
        return rendered.toString();
    }

    Email renderEmail(String template, Language language, Map<String, String> parameters) {
        String body = render(template, Part.EMAIL_BODY, language, parameters);
        String footer = lookup(EMAIL_FOOTER, language).orElse("");
        return new Email(render(template, Part.EMAIL_SUBJECT, language, parameters),
                footer.isEmpty() ? body : body + "\n\n-- \n" + footer);
    }

    private String text(String template, Part part, Language language) {
        String key = template + "." + part.suffix;
        return lookup(key, language)
                .orElseThrow(() -> new IllegalArgumentException("No template text '" + key + "'"));
    }

    /** Times in notices are Kazakhstan's clock, as people there read it: 14.12.2026 10:30. */
    private static final java.time.format.DateTimeFormatter LOCAL_TIME = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
            .withZone(java.time.ZoneId.of("Asia/Almaty"));

    /**
     * A coded value in the reader's language; a list of codes ("EPTS, CUSTOMS") item by item, each as written in the
     * file; an instant (2026-12-14T05:30:00Z) as Kazakhstan's local time, never in the machine's ISO form.
     */
    private String localizedValue(String placeholder, String value, Language language) {
        if (value.length() >= 20 && value.endsWith("Z") && value.charAt(10) == 'T') {
            try {
                return LOCAL_TIME.format(java.time.Instant.parse(value));
            } catch (java.time.format.DateTimeParseException notAnInstant) {
                // written as given below
            }
        }
        Optional<String> whole = lookup(VALUE_PREFIX + placeholder + "." + value, language);
        if (whole.isPresent() || !value.contains(", ")) {
            return whole.orElse(value);
        }
        return java.util.Arrays.stream(value.split(", ")).map(item -> lookup(VALUE_PREFIX + placeholder + "." + item, language).orElse(item))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The text in the reader's language; else in the default one; a missing translation never blanks a notice. */
    private Optional<String> lookup(String key, Language language) {
        Properties own = texts.get(language);
        String text = own == null ? null : own.getProperty(key);
        if (text == null || text.isBlank()) {
            text = texts.get(fallback).getProperty(key);
        }
        return Optional.ofNullable(text).filter(t -> !t.isBlank());
    }
}

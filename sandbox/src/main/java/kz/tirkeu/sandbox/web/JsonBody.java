package kz.tirkeu.sandbox.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.web.servlet.function.ServerRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request's JSON object body, read with a size limit, and its fields read strictly: anything a
 * client got wrong is a {@link BadRequestException} that shows the expected shape.
 */
public final class JsonBody {

    private final JsonNode json;
    private final String example;

    private JsonBody(JsonNode json, String example) {
        this.json = json;
        this.example = example;
    }

    /** @param example the body a client should send, quoted in every error */
    public static JsonBody of(ServerRequest request, int maxBytes, String example) throws IOException {
        byte[] body;
        try (InputStream in = request.servletRequest().getInputStream()) {
            body = in.readNBytes(maxBytes + 1);
        }
        if (body.length > maxBytes) {
            throw new BadRequestException("The body is bigger than " + maxBytes + " bytes; send " + example + ".");
        }
        JsonNode json;
        try {
            json = JsonMapper.shared().readTree(body);
        } catch (JacksonException e) {
            throw new BadRequestException("The body is not JSON (" + e.getOriginalMessage() + "); send " + example + ".");
        }
        if (json == null || !json.isObject()) {
            throw new BadRequestException("The body must be a JSON object: " + example + ".");
        }
        return new JsonBody(json, example);
    }

    /** A string field that must be there and not blank. */
    public String requiredString(String field) {
        return optionalString(field).filter(value -> !value.isBlank())
                .orElseThrow(() -> new BadRequestException("\"" + field + "\" is missing or empty; send " + example + "."));
    }

    /** An absolute http or https URL, as callbacks and return addresses must be. */
    public URI requiredHttpUrl(String field) {
        String value = requiredString(field);
        try {
            URI uri = new URI(value);
            if (uri.isAbsolute() && (uri.getScheme().equals("http") || uri.getScheme().equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw new BadRequestException("\"" + field + "\" must be an absolute http or https URL; '" + value + "' is not.");
    }

    /** A whole number field that must be there. */
    public long requiredLong(String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new BadRequestException("\"" + field + "\" must be a whole number; send " + example + ".");
        }
        return value.longValue();
    }

    /** A field that must be a non-empty array of objects, each read as strictly as the body. */
    public List<JsonBody> requiredObjects(String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw new BadRequestException("\"" + field + "\" must be a non-empty array; send " + example + ".");
        }
        List<JsonBody> objects = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isObject()) {
                throw new BadRequestException("Each of \"" + field + "\" must be an object; send " + example + ".");
            }
            objects.add(new JsonBody(element, example));
        }
        return objects;
    }

    /** An object field that may be absent or null, as it was sent. */
    public Optional<JsonNode> optionalObject(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw new BadRequestException("\"" + field + "\" must be a JSON object; send " + example + ".");
        }
        return Optional.of(value);
    }

    /** A string field that may be absent or null. */
    public Optional<String> optionalString(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw new BadRequestException("\"" + field + "\" must be a string; send " + example + ".");
        }
        return Optional.of(value.stringValue());
    }
}

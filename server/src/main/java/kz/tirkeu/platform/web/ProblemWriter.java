package kz.tirkeu.platform.web;

import org.springframework.http.HttpStatus;
import kz.tirkeu.platform.CannotServe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A problem told by a servlet filter, before any controller (a body too large, a rate limit, a CSRF refusal): the same
 * problem+json as {@link ApiProblems} writes, with its text in the caller's language.
 */
@Component
public class ProblemWriter {

    private final ApiLanguage language;
    private final JsonMapper json = JsonMapper.builder().build();

    ProblemWriter(ApiLanguage language) {
        this.language = language;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, CannotServe problem) throws IOException {
        HttpStatus status = ProblemStatus.of(problem);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://tirkeu.kz/problems/" + problem.code().toLowerCase(Locale.ROOT).replace('_', '-'));
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", language.text(problem, request));
        body.put("instance", request.getRequestURI());
        body.put("code", problem.code());
        body.putAll(problem.properties());
        response.setStatus(status.value());
        // As ApiProblems answers: no charset parameter, JSON is UTF-8 (RFC 8259), and the bytes are written as such.
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}

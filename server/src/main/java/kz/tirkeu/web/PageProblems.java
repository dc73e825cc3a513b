package kz.tirkeu.web;

import org.springframework.http.HttpStatus;
import kz.tirkeu.platform.web.PageController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.tirkeu.platform.CannotServe;
import kz.tirkeu.platform.web.ProblemStatus;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page's error is a page in the person's language: not signed in → the sign-in page; anything else →
 * what went wrong and what to do. A non-browser caller of a page address (an API client, a test) gets
 * the same problem+json with the same code as from the API.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

    private final JsonMapper json;

    PageProblems(JsonMapper json) {
        this.json = json;
    }

    @ExceptionHandler(CannotServe.class)
    ModelAndView problem(CannotServe e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = ProblemStatus.of(e);
        if ("NOT_SIGNED_IN".equals(e.code())) {
            return new ModelAndView("redirect:/signin");
        }
        response.setStatus(status.value());
        String detail = e instanceof kz.tirkeu.platform.web.LocalizedProblem localized
                ? localized.message(org.springframework.web.servlet.support.RequestContextUtils.getLocale(request)) : e.getMessage();
        if (!wantsHtml(request)) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "https://tirkeu.kz/problems/" + e.code().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            problem.put("title", status.getReasonPhrase());
            problem.put("status", status.value());
            problem.put("code", e.code());
            problem.put("detail", detail);
            e.properties().forEach(problem::put);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(json.writeValueAsString(problem));
            return null;
        }
        ModelAndView view = new ModelAndView("problem");
        view.addObject("code", e.code());
        view.addObject("detail", detail);
        view.setStatus(status);
        LayoutModel.add(request, view);
        return view;
    }

    private static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }
}

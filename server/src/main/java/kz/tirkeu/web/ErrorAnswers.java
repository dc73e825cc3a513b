package kz.tirkeu.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import kz.tirkeu.identity.web.PublicEndpoint;
import kz.tirkeu.platform.web.ApiLanguage;
import kz.tirkeu.platform.web.ProblemException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * What an error that never reached a controller looks like (issue [7]): a path the firewall refuses ("/..;/", an encoded
 * NUL), a method or header Tomcat will not take, a body cut short. Tomcat and Spring Security send these to /error,
 * where Spring Boot answered with its own JSON or a "Whitelabel" page. Here an API client gets problem+json with a
 * stable code, and a browser a page in the person's language; neither ever sees an exception or a class name.
 */
@Controller
@PublicEndpoint // an error page must be shown to anyone who met the error
class ErrorAnswers implements ErrorController {

    private final ApiLanguage language;
    private final MessageSource messages;

    ErrorAnswers(ApiLanguage language, MessageSource messages) {
        this.language = language;
        this.messages = messages;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        String code = codeOf(status);
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : "/";
        if (wantsPage(request, path)) {
            ModelAndView view = new ModelAndView("problem");
            view.addObject("code", code);
            view.addObject("detail", messages.getMessage(textOf(status), RequestContextUtils.getLocale(request)));
            view.setStatus(status);
            LayoutModel.add(request, view);
            return view;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, language.text(textOf(status), request));
        problem.setType(URI.create("https://tirkeu.kz/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(safeInstance(path));
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code) {
            HttpStatus status = HttpStatus.resolve(code);
            if (status != null && status.isError()) {
                return status;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    static String codeOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "MALFORMED_REQUEST";
            case UNAUTHORIZED -> "NOT_SIGNED_IN";
            case FORBIDDEN -> "FORBIDDEN";
            case NOT_FOUND -> "NOT_FOUND";
            case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
            case NOT_ACCEPTABLE -> "NOT_ACCEPTABLE";
            case CONTENT_TOO_LARGE -> "BODY_TOO_LARGE";
            case URI_TOO_LONG -> "ADDRESS_TOO_LONG";
            case UNSUPPORTED_MEDIA_TYPE -> "UNSUPPORTED_MEDIA_TYPE";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "HEADERS_TOO_LARGE";
            case SERVICE_UNAVAILABLE -> "TEMPORARILY_UNAVAILABLE";
            case INTERNAL_SERVER_ERROR -> "INTERNAL_ERROR";
            default -> "HTTP_" + status.value();
        };
    }

    /** The words for an error that reached no controller, in problems*.properties (api.problem.ERROR.*). */
    private static MessageSourceResolvable textOf(HttpStatus status) {
        String situation = switch (status) {
            case BAD_REQUEST -> "unreadable";
            case NOT_FOUND -> "notFound";
            case METHOD_NOT_ALLOWED -> "method";
            case INTERNAL_SERVER_ERROR -> "internal";
            default -> "other";
        };
        return new DefaultMessageSourceResolvable(new String[] {ProblemException.TEXT_PREFIX + "ERROR." + situation}, new Object[] {status.getReasonPhrase()},
                status.getReasonPhrase() + ".");
    }

    /** A browser asking for a page; an API address always answers problem+json. */
    private static boolean wantsPage(HttpServletRequest request, String path) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && !path.startsWith("/api/");
    }

    /** The refused path itself may be what made it unparseable: name it only when it is a plain URI. */
    private static URI safeInstance(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return URI.create("/");
        }
    }
}

package kz.tirkeu.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import kz.tirkeu.identity.web.PublicEndpoint;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What an error that never reached a controller looks like (issue [7]): a path the firewall refuses ("/..;/", an encoded
 * NUL), a method or header Tomcat will not take, a body cut short. Tomcat and Spring Security send these to /error,
 * where Spring Boot answered with its own JSON or a "Whitelabel" page. Here an API client gets problem+json with a
 * stable code, and a browser a page in the person's language; neither ever sees an exception or a class name.
 */
@Controller
@PublicEndpoint // an error page must be shown to anyone who met the error
class ErrorAnswers implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        String code = codeOf(status);
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : "/";
        if (wantsPage(request, path)) {
            ModelAndView view = new ModelAndView("problem");
            view.addObject("code", code);
            view.addObject("detail", detailOf(status));
            view.setStatus(status);
            LayoutModel.add(request, view);
            return view;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detailOf(status));
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

    private static String detailOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request could not be read: check the address, its parameters and headers.";
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not accept this method.";
            case INTERNAL_SERVER_ERROR ->
                    "Something went wrong on our side; nothing you sent was lost. Please try again; if it persists, quote the correlation id.";
            default -> status.getReasonPhrase() + ".";
        };
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

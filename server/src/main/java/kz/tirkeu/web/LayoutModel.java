package kz.tirkeu.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.tirkeu.identity.web.CurrentPerson;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the shared header of every page needs (templates/layout.html): who is signed in, and where the
 * language switch should bring the person back to. Added to every rendered page, never to a redirect.
 */
class LayoutModel implements HandlerInterceptor {

    /**
     * Spring Security creates the CSRF token lazily, when a form first asks for it, and its cookie is then
     * set on the response. A longer page has already sent its headers by the time Thymeleaf reaches the form,
     * so the cookie would be lost and the form refused: the token is made before rendering begins.
     */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
        return true;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
            return;
        }
        add(request, view);
    }

    static void add(HttpServletRequest request, ModelAndView view) {
        view.addObject("signedIn", CurrentPerson.of(request).orElse(null));
        view.addObject("returnTo", returnTo(request));
    }

    /**
     * The page itself, for GETs; after a form POST, the page it came from is not known, so the start page.
     * A {@code lang} parameter (the public verification page takes one, for links in the certificate's
     * language) is left out: it would override the language just chosen.
     */
    static String returnTo(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return "/";
        }
        String query = request.getQueryString() == null ? "" : java.util.Arrays.stream(request.getQueryString().split("&"))
                .filter(p -> !p.equals("lang") && !p.startsWith("lang=")).collect(java.util.stream.Collectors.joining("&"));
        return request.getRequestURI() + (query.isEmpty() ? "" : "?" + query);
    }
}

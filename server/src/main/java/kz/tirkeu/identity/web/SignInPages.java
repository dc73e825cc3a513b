package kz.tirkeu.identity.web;

import kz.tirkeu.platform.CannotServe;
import kz.tirkeu.pki.InvalidInputException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import kz.tirkeu.identity.IdentityProperties;
import kz.tirkeu.identity.session.SessionKind;
import kz.tirkeu.identity.signin.SecondFactorRequested;
import kz.tirkeu.identity.signin.SignIn;
import kz.tirkeu.platform.NcaLayerAddress;
import kz.tirkeu.platform.web.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The browser's sign-in: the same three steps as {@link SignInApi}, as pages. The signature comes
 * from NCALayer (the sandbox signer in the default run) through a small ES module; the forms are
 * CSRF-protected, and the sign-in in progress is bound to this browser by an HttpOnly cookie.
 */
@Controller
@PublicEndpoint // sign-in pages are how a session is obtained
class SignInPages {

    static final String PENDING_COOKIE = "TIRKEU_SIGN_IN";

    private final SignIn signIn;
    private final IdentityProperties properties;
    private final SessionCookies cookies;
    private final NcaLayerAddress ncaLayer;

    SignInPages(SignIn signIn, IdentityProperties properties, SessionCookies cookies, NcaLayerAddress ncaLayer) {
        this.signIn = signIn;
        this.properties = properties;
        this.cookies = cookies;
        this.ncaLayer = ncaLayer;
    }

    @GetMapping("/signin")
    String signInPage(Model model) {
        model.addAttribute("ncaLayerUrl", ncaLayerUrl());
        return "identity/signin";
    }

    @PostMapping("/signin")
    String presentSignature(@RequestParam(required = false) UUID challengeId, @RequestParam(required = false) String signature,
                            Locale locale, Model model, HttpServletResponse response) {
        try {
            if (challengeId == null || signature == null || signature.isBlank()) {
                throw new InvalidInputException("The signature did not arrive. Sign again with your authentication key.");
            }
            SecondFactorRequested requested = signIn.presentSignature(challengeId, SignInApi.base64(signature), locale);
            response.addHeader("Set-Cookie", cookies.pendingSignIn(requested.signInId().toString(), properties.codeValidity()));
            return "redirect:/signin/code";
        } catch (CannotServe | IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("ncaLayerUrl", ncaLayerUrl());
            return "identity/signin";
        }
    }

    @GetMapping("/signin/code")
    String codePage(HttpServletRequest request) {
        return pendingSignIn(request).isPresent() ? "identity/code" : "redirect:/signin";
    }

    @PostMapping("/signin/code")
    String confirm(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<UUID> pending = pendingSignIn(request);
        if (pending.isEmpty()) {
            return "redirect:/signin";
        }
        try {
            SignIn.OpenedSession session = signIn.confirm(pending.get(), code, SessionKind.COOKIE);
            // A new random token, never one the browser brought: no session fixation.
            response.addHeader("Set-Cookie", cookies.session(session.token().value()));
            response.addHeader("Set-Cookie", cookies.clearPendingSignIn());
            return "redirect:/cabinet";
        } catch (CannotServe e) {
            model.addAttribute("error", e.getMessage());
            return "identity/code";
        }
    }

    private static Optional<UUID> pendingSignIn(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> PENDING_COOKIE.equals(c.getName())).map(Cookie::getValue).findFirst().flatMap(v -> {
            try {
                return Optional.of(UUID.fromString(v));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    private String ncaLayerUrl() {
        return ncaLayer.url();
    }
}

package kz.tirkeu.registry.verification;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.tirkeu.identity.web.PublicEndpoint;
import kz.tirkeu.pki.validation.SubIndication;
import kz.tirkeu.registry.certificate.CertificateChecks;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The public verification page (QR code on the PDF → {@code /verify/{code}}) and the check of a
 * certificate file anyone may upload. No sign-in: a traffic officer, an insurer or a buyer of the car
 * must be able to check it. The upload form still carries a CSRF token, like every page form.
 *
 * <p>Kazakh, Russian or English: {@code ?lang=} first, then the language chosen with the switch of the
 * shared header, then the browser's Accept-Language, else Kazakh, the state language.
 */
@Controller
@PublicEndpoint // public verification of certificates needs no session by design
class VerificationPages {

    static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("kk"), Locale.forLanguageTag("ru"), Locale.ENGLISH);
    /** A certificate file is some tens of kilobytes; anything far larger is not one. */
    static final long MAX_FILE_BYTES = 512 * 1024;

    private final CertificateChecks checks;
    private final ThymeleafViewResolver views;
    private final LocaleResolver locales;

    VerificationPages(CertificateChecks checks, ThymeleafViewResolver views, LocaleResolver locales) {
        this.checks = checks;
        this.views = views;
        this.locales = locales;
    }

    @GetMapping("/verify")
    ModelAndView form(@RequestParam(required = false) String lang, HttpServletRequest request) {
        return page(HttpStatus.OK, Map.of("path", "/verify"), lang, request);
    }

    @GetMapping("/verify/{code}")
    ModelAndView byCode(@PathVariable String code, @RequestParam(required = false) String lang, HttpServletRequest request) {
        Optional<CertificateChecks.CodeCheck> check = checks.byCode(code);
        String path = "/verify/" + (code.matches("[A-Za-z0-9_-]{1,64}") ? code : "");
        return check.map(c -> page(HttpStatus.OK, Map.of("check", c, "path", path,
                        "reasonKey", reasonKey(c.signatureFailure())), lang, request))
                .orElseGet(() -> page(HttpStatus.NOT_FOUND, Map.of("unknown", true, "path", "/verify"), lang, request));
    }

    @PostMapping("/verify")
    ModelAndView upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String lang,
                        HttpServletRequest request) throws IOException {
        if (file == null || file.isEmpty()) {
            return page(HttpStatus.BAD_REQUEST, Map.of("uploadError", "verify.upload.empty", "path", "/verify"), lang, request);
        }
        if (file.getSize() > MAX_FILE_BYTES) {
            return page(HttpStatus.BAD_REQUEST, Map.of("uploadError", "verify.upload.tooLarge", "path", "/verify"), lang, request);
        }
        CertificateChecks.FileCheck result = checks.checkFile(file.getBytes());
        return page(HttpStatus.OK, Map.of("fileCheck", result, "fileName", Optional.ofNullable(file.getOriginalFilename()).orElse(""),
                "path", "/verify", "reasonKey", reasonKey(result.failure()), "recordKey", "verify.record." + result.onRecord()), lang, request);
    }

    /** The plain-words reason, e.g. "the file was changed after signing", by the validator's sub-indication. */
    private static String reasonKey(Optional<SubIndication> failure) {
        return "verify.reason." + failure.map(Enum::name).orElse("UNKNOWN");
    }

    private ModelAndView page(HttpStatus status, Map<String, ?> model, String lang, HttpServletRequest request) {
        Locale locale = language(lang, request, locales);
        try {
            // The view is resolved for the chosen language here, because this page also takes ?lang= (the
            // certificate's language on its QR code), which the application's locale resolver does not know.
            View view = views.resolveViewName("verify/page", locale);
            ModelAndView page = new ModelAndView(view, model);
            page.addObject("lang", locale.getLanguage());
            page.setStatus(status);
            // Whoever holds the code may check the certificate; search engines need not list it.
            page.addObject("noindex", true);
            return page;
        } catch (Exception e) {
            throw new IllegalStateException("cannot resolve the verification page", e);
        }
    }

    static Locale language(String lang, HttpServletRequest request, LocaleResolver chosen) {
        if (lang != null) {
            for (Locale candidate : LANGUAGES) {
                if (candidate.getLanguage().equalsIgnoreCase(lang)) {
                    return candidate;
                }
            }
        }
        // The pages' resolver: the switch's cookie, else Accept-Language among kk, ru, en, else Kazakh.
        Locale resolved = chosen.resolveLocale(request);
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(resolved.getLanguage())).findFirst().orElse(LANGUAGES.getFirst());
    }
}

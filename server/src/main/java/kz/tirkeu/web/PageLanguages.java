package kz.tirkeu.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import kz.tirkeu.identity.IdentityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The pages' language: the one the person chose (a cookie, kept for a year), else the first of kk, ru, en
 * the browser asks for, else Kazakh, the state language.
 */
@Configuration(proxyBeanMethods = false)
class PageLanguages implements WebMvcConfigurer {

    static final String COOKIE = "TIRKEU_LANG";
    static final Locale KAZAKH = Locale.forLanguageTag("kk");
    static final List<Locale> SUPPORTED = List.of(KAZAKH, Locale.forLanguageTag("ru"), Locale.ENGLISH);

    private final IdentityProperties identity;

    PageLanguages(IdentityProperties identity) {
        this.identity = identity;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSecure(identity.secureCookies());
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(PageLanguages::fromBrowser);
        return resolver;
    }

    static Locale fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return KAZAKH;
        }
        for (Locale asked : java.util.Collections.list(request.getLocales())) {
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(asked.getLanguage())) {
                    return supported;
                }
            }
        }
        return KAZAKH;
    }

    static Locale supported(String tag) {
        return SUPPORTED.stream().filter(l -> l.getLanguage().equalsIgnoreCase(tag == null ? "" : tag.strip())).findFirst().orElse(null);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LayoutModel()).excludePathPatterns("/api/**", "/sandbox/**", "/actuator/**");
    }
}

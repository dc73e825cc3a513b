package kz.tirkeu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import kz.tirkeu.identity.IdentityProperties;
import kz.tirkeu.identity.session.Sessions;
import kz.tirkeu.platform.web.ProblemException;
import kz.tirkeu.platform.web.ProblemWriter;
import kz.tirkeu.platform.NcaLayerAddress;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring Security does three things here: finds the session ({@link SessionAuthentication}), protects
 * cookie-authenticated and page requests against CSRF, and sets the security headers. Who may call
 * what is decided per endpoint by {@link AccessPolicy}, in one place, next to the code.
 * No HttpSession is ever created: sessions live in PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, Sessions sessions, IdentityProperties properties, NcaLayerAddress ncaLayer,
                                            ProblemWriter problems, ObjectProvider<MachineClientAuthentication> machineClients) throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").secure(properties.secureCookies()));
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Sessions are ours, not Spring's: without a SecurityContext kept between requests, Spring would take every
                // signed-in request (a stylesheet too) for a fresh sign-in and replace the CSRF token each time, so a page's
                // form would carry a token its own stylesheet request had already deleted. The token is per browser instead.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(needsCsrfProtection()).csrfTokenRepository(csrfTokens)
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .addFilterBefore(new SessionAuthentication(sessions), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> problems.write(request, response,
                        new ProblemException("CSRF_TOKEN_INVALID", HttpStatus.FORBIDDEN,
                                "The form has expired or did not come from this site. Reload the page and try again."))))
                .headers(headers -> headers
                        // Written per request: NCALayer's address follows the server's public address, known only once it listens.
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SecurityConfiguration::isOurPage,
                                (request, response) -> response.setHeader("Content-Security-Policy", contentSecurityPolicy(ncaLayer.url()))))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=(), payment=(), usb=()")))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable());
        // Partner systems authenticate with their own access token, before sessions are looked at.
        machineClients.orderedStream().forEach(filter -> http.addFilterBefore(filter, SessionAuthentication.class));
        return http.build();
    }

    /**
     * Only this site's own scripts and styles run on its pages (issue [7]): no inline script or style, no other origin,
     * no framing. WebSockets may reach NCALayer (the real one on 127.0.0.1:13579, or the sandbox signer of this server).
     * The sandbox's test tools and Swagger UI, which are not the platform's pages, are left without it.
     */
    static String contentSecurityPolicy(String ncaLayerUrl) {
        String ncaLayer = java.net.URI.create(ncaLayerUrl).resolve("/").toString().replaceAll("/$", "");
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self' " + ncaLayer + " wss://127.0.0.1:13579; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
    }

    private static boolean isOurPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/sandbox") && !path.startsWith("/swagger-ui") && !path.startsWith("/v3/api-docs");
    }

    /**
     * CSRF abuses credentials the browser adds by itself. So a state-changing request needs a CSRF
     * token when it carries the session cookie, or when it is a page form (anything outside /api and
     * the sandbox, including the browser's sign-in forms, against login CSRF). API clients with a
     * bearer token, and machine callbacks, have no ambient credential to abuse.
     */
    static RequestMatcher needsCsrfProtection() {
        return request -> !SAFE_METHODS.contains(request.getMethod())
                && !hasBearerToken(request)
                && !isSandbox(request)
                && (SessionAuthentication.carriesSessionCookie(request) || isPageRequest(request));
    }

    /** The sandbox emulates other systems and never acts on a session of ours; its forms are test tools. */
    private static boolean isSandbox(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/sandbox/");
    }

    private static boolean hasBearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private static boolean isPageRequest(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/") && !path.startsWith("/sandbox/") && !path.startsWith("/actuator/");
    }

    /** RFC 6960 OCSP GET requests put base64 (with '/') in the path, which the sandbox answers; access is never decided by path here. */
    @Bean
    StrictHttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        return firewall;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AccessPolicy());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentPerson());
    }
}

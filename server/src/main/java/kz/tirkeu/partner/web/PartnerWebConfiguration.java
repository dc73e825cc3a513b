package kz.tirkeu.partner.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import kz.tirkeu.identity.session.Sessions;
import kz.tirkeu.partner.client.AccessTokens;
import kz.tirkeu.partner.client.PartnerCaller;
import kz.tirkeu.platform.web.ProblemException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The partner filter runs inside the security chain (identity's SecurityConfiguration adds every
 * {@code MachineClientAuthentication}), never as a servlet filter of its own; endpoints of the partners themselves
 * declare a {@link PartnerCaller} parameter and get the system the access token is of.
 */
@Configuration(proxyBeanMethods = false)
class PartnerWebConfiguration implements WebMvcConfigurer {

    @Bean
    PartnerAuthentication partnerAuthentication(AccessTokens tokens, Sessions sessions, PartnerRateLimit rateLimit, PartnerCalls calls,
                                                kz.tirkeu.platform.web.ProblemWriter problems) {
        return new PartnerAuthentication(tokens, sessions, rateLimit, calls, problems);
    }

    @Bean
    FilterRegistrationBean<PartnerAuthentication> partnerAuthenticationOnlyInTheSecurityChain(PartnerAuthentication filter) {
        FilterRegistrationBean<PartnerAuthentication> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == PartnerCaller.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request, WebDataBinderFactory binders) {
                Object caller = request.getNativeRequest(HttpServletRequest.class).getAttribute(PartnerAuthentication.CALLER);
                if (caller == null) {
                    throw new ProblemException("PARTNER_TOKEN_REQUIRED", HttpStatus.UNAUTHORIZED,
                            "Only a partner system may call this, with its access token (Authorization: Bearer tp.…) from POST /api/v1/partner/token.");
                }
                return caller;
            }
        });
    }
}

package kz.tirkeu.notification;

import kz.tirkeu.platform.PlatformAddresses;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import tools.jackson.databind.json.JsonMapper;

/** The notification point's providers and templates, from {@code tirkeu.notification.*} and {@code spring.mail.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

    @Bean
    NoticeTemplates noticeTemplates(NotificationProperties properties) {
        return NoticeTemplates.load(properties.defaultLanguage());
    }

    @Bean
    OneTimeCodeTexts oneTimeCodeTexts() {
        return new OneTimeCodeTexts();
    }

    @Bean(destroyMethod = "close")
    HttpSmsGateway smsGateway(NotificationProperties properties, PlatformAddresses addresses, JsonMapper json) {
        NotificationProperties.Sms sms = properties.sms();
        // With the sandbox off, the sandbox's published receipt secret stops the start-up (kz.tirkeu.platform.ProductionSafety).
        return new HttpSmsGateway(() -> sms.baseUrl() != null ? sms.baseUrl() : addresses.stateSystem("/sms"),
                sms.connectTimeout(), sms.readTimeout(), json, new OutboundBreaker("SMS centre", sms.circuitBreaker()));
    }

    @Bean
    EmailGateway emailGateway(ObjectProvider<JavaMailSender> mail, NotificationProperties properties) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.warn("No SMTP server configured (spring.mail.host): notices by e-mail wait until one is");
            return email -> new SendOutcome.Unavailable("no SMTP server is configured (spring.mail.host)");
        }
        return new SmtpEmailGateway(sender, properties.email().from(),
                new OutboundBreaker("SMTP server", properties.email().circuitBreaker()));
    }
}

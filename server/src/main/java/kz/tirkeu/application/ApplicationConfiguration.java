package kz.tirkeu.application;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({ApplicationProperties.class, ReviewProperties.class, RegistrationProperties.class, FeeProperties.class})
class ApplicationConfiguration {
}

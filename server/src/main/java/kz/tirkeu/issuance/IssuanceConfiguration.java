package kz.tirkeu.issuance;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IssuanceProperties.class)
class IssuanceConfiguration {
}

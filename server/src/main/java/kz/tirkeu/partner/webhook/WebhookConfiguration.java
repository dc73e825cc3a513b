package kz.tirkeu.partner.webhook;

import kz.tirkeu.notification.DispatcherSchedule;
import kz.tirkeu.partner.PartnerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook dispatcher runs in the background on the notification point's own loop (off: webhooks.dispatcher.enabled=false). */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    DispatcherSchedule webhookDispatcherSchedule(WebhookDispatcher dispatcher, PartnerProperties properties) {
        return new DispatcherSchedule("partner-webhook-dispatcher", dispatcher::dispatchDue, properties.webhooks().dispatcher());
    }
}

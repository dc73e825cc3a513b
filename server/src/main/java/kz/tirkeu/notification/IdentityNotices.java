package kz.tirkeu.notification;

import java.util.Map;
import kz.tirkeu.identity.IdentityNotice;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells people what the identity area announces: sign-in codes and changes to how they sign in. */
@Component
class IdentityNotices {

    private final NotificationPoint notifications;

    IdentityNotices(NotificationPoint notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(IdentityNotice.OneTimeCode code) {
        notifications.sendOneTimeCode(code.recipient(), code.phone(), code.code(), code.locale());
    }

    @EventListener
    void on(IdentityNotice.SignInChanged changed) {
        notifications.notify(new NoticeRequest(changed.person(), changed.change().template(), Map.of(), null));
    }
}

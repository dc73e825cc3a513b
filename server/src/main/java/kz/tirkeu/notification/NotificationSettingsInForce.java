package kz.tirkeu.notification;

import static kz.tirkeu.platform.SettingsInForce.Group.PROCESS;

import java.util.List;
import kz.tirkeu.platform.SettingsInForce;
import org.springframework.stereotype.Component;

/** The language notices go out in for a person who has not chosen one. */
@Component
class NotificationSettingsInForce implements SettingsInForce {

    private final NotificationProperties properties;

    NotificationSettingsInForce(NotificationProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<Setting> settings() {
        String shown = switch (properties.defaultLanguage()) {
            case KK -> "Қазақша (kk)";
            case RU -> "Русский (ru)";
            case EN -> "English (en)";
        };
        return List.of(new Setting(PROCESS, 70, "notification-language", "admin.config.language", Shown.text(shown)));
    }
}

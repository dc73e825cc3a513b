package kz.tirkeu.notification;

import java.util.function.IntSupplier;
import kz.tirkeu.platform.BackgroundWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs the dispatcher in the background on the platform's one queue loop: again at once while it finds full batches,
 * otherwise every poll interval. On shutdown it finishes the batch in hand (whatever it cannot finish, its lease
 * returns to the other servers). Off with {@code tirkeu.notification.dispatcher.enabled=false}. Public, with a thread
 * name, for the partner area's webhook dispatcher, which is the same durable queue loop.
 */
@Component
public class DispatcherSchedule extends BackgroundWork {

    private final IntSupplier dispatchDue;

    @Autowired
    DispatcherSchedule(NotificationDispatcher dispatcher, NotificationProperties properties) {
        this(dispatcher::dispatchDue, properties.dispatcher());
    }

    /** @param dispatchDue sends one batch and says how many deliveries it claimed */
    DispatcherSchedule(IntSupplier dispatchDue, NotificationProperties.Dispatcher settings) {
        this("notification-dispatcher", dispatchDue, settings);
    }

    /** @param name the background thread's name, in logs and thread dumps */
    public DispatcherSchedule(String name, IntSupplier dispatchDue, NotificationProperties.Dispatcher settings) {
        super(name, settings.pollInterval(), settings.enabled(), settings.batchSize(), settings.lease());
        this.dispatchDue = dispatchDue;
    }

    @Override
    protected int round() {
        return dispatchDue.getAsInt();
    }
}

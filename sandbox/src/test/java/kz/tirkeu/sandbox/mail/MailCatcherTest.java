package kz.tirkeu.sandbox.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class MailCatcherTest {

    @Test
    void aTakenPortLeavesTheCatcherNotListeningAndSaysWhy() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            MailCatcher catcher = new MailCatcher(taken.getLocalPort(), 10, Clock.systemUTC());

            catcher.start();

            assertThat(catcher.port()).isEmpty();
            assertThat(catcher.whyNotListening()).contains(String.valueOf(taken.getLocalPort()));
            catcher.stop();
        }
    }

    @Test
    void stopsListeningWhenStopped() {
        MailCatcher catcher = new MailCatcher(0, 10, Clock.systemUTC());
        catcher.start();
        int port = catcher.port().orElseThrow();

        catcher.stop();

        assertThat(catcher.port()).isEmpty();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close()).isInstanceOf(ConnectException.class);
    }
}

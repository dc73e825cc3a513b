package kz.tirkeu.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The standalone sandbox on a random port with a throw-away data directory, its mail catcher on another. One annotation so that
 * every class using it shares one application context (and the seconds its RSA keys take to make).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = SandboxApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"tirkeu.sandbox.temporary=true", "tirkeu.sandbox.mail.smtp-port=0"})
public @interface SandboxTest {
}

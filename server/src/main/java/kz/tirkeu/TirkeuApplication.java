package kz.tirkeu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * Tirkeu ("тіркеу", registration): the platform for primary registration of new vehicles. People sign
 * in with EDS (kz.tirkeu.identity), never with a password, so Spring Boot's default in-memory user
 * is left out.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class TirkeuApplication {

    public static void main(String[] args) {
        SpringApplication.run(TirkeuApplication.class, args);
    }
}

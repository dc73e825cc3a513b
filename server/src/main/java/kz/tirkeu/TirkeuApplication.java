package kz.tirkeu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Tirkeu ("тіркеу", registration): the platform for primary registration of new vehicles. */
@SpringBootApplication
public class TirkeuApplication {

    public static void main(String[] args) {
        SpringApplication.run(TirkeuApplication.class, args);
    }
}

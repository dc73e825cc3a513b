package kz.tirkeu.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import kz.tirkeu.sandbox.mail.MailCatcher;
import kz.tirkeu.sandbox.persona.Personas;
import kz.tirkeu.sandbox.sms.SmsCentre;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;

/** How the sandbox joins an application: on by default in a servlet web application, off by one property. */
class SandboxAutoConfigurationTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SandboxAutoConfiguration.class))
            .withPropertyValues("tirkeu.sandbox.temporary=true", "tirkeu.sandbox.mail.smtp-port=0");

    @Test
    void springBootFindsItAsAnAutoConfiguration() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
                .contains(SandboxAutoConfiguration.class.getName(), SandboxTomcatAutoConfiguration.class.getName());
    }

    @Test
    void aWebApplicationGetsTheSandboxByDefault() {
        web.run(context -> assertThat(context).hasSingleBean(Personas.class).hasBean("sandboxRoutes")
                .hasSingleBean(MailCatcher.class).hasSingleBean(WebSocketHandlerMapping.class).hasSingleBean(SmsCentre.class));
    }

    @Test
    void enabledFalseLeavesItOut() {
        web.withPropertyValues("tirkeu.sandbox.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(Personas.class).doesNotHaveBean(RouterFunction.class)
                        .doesNotHaveBean(MailCatcher.class).doesNotHaveBean(HandlerMapping.class).doesNotHaveBean(SmsCentre.class));
    }

    @Test
    void theSandboxsOwnBaseUrlWinsOverThePlatformsPublicAddress() {
        web.withPropertyValues("tirkeu.public-base-url=https://tirkeu.example.kz", "tirkeu.sandbox.base-url=https://sandbox.example.kz/sandbox/")
                .run(context -> assertThat(context.getBean(SandboxAddress.class).base()).hasToString("https://sandbox.example.kz/sandbox"));
        web.withPropertyValues("tirkeu.public-base-url=https://tirkeu.example.kz/")
                .run(context -> assertThat(context.getBean(SandboxAddress.class).base()).hasToString("https://tirkeu.example.kz/sandbox"));
    }

    @Test
    void theMailCatcherCanBeLeftOutAlone() {
        web.withPropertyValues("tirkeu.sandbox.mail.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MailCatcher.class).hasBean("sandboxRoutes"));
    }

    @Test
    void theMailCatcherListensWhileTheApplicationRunsAndNotAfter() {
        AtomicReference<MailCatcher> catcher = new AtomicReference<>();
        web.run(context -> {
            catcher.set(context.getBean(MailCatcher.class));
            assertThat(catcher.get().port()).isPresent();
        });
        assertThat(catcher.get().port()).isEmpty();
    }

    @Test
    void anApplicationWithoutAWebServerDoesNotGetIt() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SandboxAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(Personas.class));
    }

    @Test
    void aTemporaryDataDirectoryIsGoneWhenTheApplicationStops() {
        AtomicReference<Path> root = new AtomicReference<>();
        web.run(context -> {
            root.set(context.getBean(SandboxDataDirectory.class).root());
            assertThat(root.get()).isDirectory();
        });
        assertThat(Files.exists(root.get())).isFalse();
    }

    /**
     * The server's {@code @SpringBootApplication} in {@code kz.tirkeu} scans every package below it,
     * and its tests look there for a single {@code @SpringBootConfiguration}: the sandbox must offer neither.
     */
    @Test
    void theServersComponentScanFindsNothingInTheSandbox() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(true);
        AutoConfigurationExcludeFilter likeSpringBootApplication = new AutoConfigurationExcludeFilter();
        likeSpringBootApplication.setBeanClassLoader(getClass().getClassLoader());
        scan.addExcludeFilter(likeSpringBootApplication);

        assertThat(scan.findCandidateComponents("kz.tirkeu.sandbox")).isEmpty();
    }

    @Test
    void ocspGetPathsPassThroughTomcatOnlyWhileTheSandboxIsOn() {
        WebApplicationContextRunner tomcat = new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SandboxTomcatAutoConfiguration.class));
        tomcat.run(context -> assertThat(context).hasSingleBean(TomcatConnectorCustomizer.class));
        tomcat.withPropertyValues("tirkeu.sandbox.enabled=false").run(context -> assertThat(context).doesNotHaveBean(TomcatConnectorCustomizer.class));
    }
}

package kz.tirkeu.sandbox;

import kz.tirkeu.sandbox.persona.Personas;
import kz.tirkeu.sandbox.web.SandboxNotReadyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Gets the sandbox ready once the application has started (the web server listens, so the address is
 * known) and before it reports itself ready for traffic. A failure is logged, not fatal: the platform
 * still starts, and the sandbox tries again on its first request.
 */
final class SandboxPreparation implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(SandboxPreparation.class);

    private final Personas personas;

    SandboxPreparation(Personas personas) {
        this.personas = personas;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        try {
            personas.prepare();
        } catch (SandboxNotReadyException e) {
            log.debug("Sandbox not prepared at startup: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("The sandbox could not be prepared; it will try again on its first request", e);
        }
    }
}

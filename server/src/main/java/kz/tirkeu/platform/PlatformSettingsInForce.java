package kz.tirkeu.platform;

import static kz.tirkeu.platform.SettingsInForce.Group.SYSTEMS;

import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The platform's own address (in every signed certificate's verification link), the state systems'
 * gateway and whether the sandbox runs in this server.
 */
@Component
class PlatformSettingsInForce implements SettingsInForce {

    private final PlatformAddresses addresses;
    private final Environment environment;

    PlatformSettingsInForce(PlatformAddresses addresses, Environment environment) {
        this.addresses = addresses;
        this.environment = environment;
    }

    @Override
    public List<Setting> settings() {
        boolean sandbox = environment.getProperty("tirkeu.sandbox.enabled", Boolean.class, true);
        // The sandbox's own setting (read by the sandbox module): not set, it is under our public address.
        String sandboxBase = environment.getProperty("tirkeu.sandbox.base-url", "");
        return List.of(
                new Setting(SYSTEMS, 5, "public-base-url", "admin.config.publicBase", Shown.address(addresses.publicBase().toString())),
                new Setting(SYSTEMS, 10, "state-systems-url", "admin.config.stateSystems", Shown.address(addresses.stateSystem("").toString())),
                new Setting(SYSTEMS, 50, "sandbox-url", "admin.config.sandbox",
                        sandbox ? Shown.address(sandboxBase.isBlank() ? addresses.publicBase() + "/sandbox" : sandboxBase) : Shown.message("admin.config.sandboxOff")));
    }
}

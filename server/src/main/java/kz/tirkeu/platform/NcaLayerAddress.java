package kz.tirkeu.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Where the pages' JavaScript reaches NCALayer: the configured one, else the sandbox signer of this server. */
@Component
public class NcaLayerAddress {

    private final PlatformAddresses addresses;
    private final String configured;

    NcaLayerAddress(PlatformAddresses addresses, @Value("${tirkeu.ncalayer.url:}") String configured) {
        this.addresses = addresses;
        this.configured = configured;
    }

    public String url() {
        return configured.isBlank() ? addresses.publicBase().toString().replaceFirst("^http", "ws") + "/sandbox/ncalayer" : configured;
    }
}

package kz.tirkeu.platform;

import org.springframework.stereotype.Component;

/** Where the pages' JavaScript reaches NCALayer: the configured one, else the sandbox signer of this server. */
@Component
public class NcaLayerAddress {

    private final PlatformAddresses addresses;
    private final PlatformProperties properties;

    NcaLayerAddress(PlatformAddresses addresses, PlatformProperties properties) {
        this.addresses = addresses;
        this.properties = properties;
    }

    /** Asked when a page is built: the sandbox signer's address has the port the server listens on. */
    public String url() {
        String configured = properties.ncalayer().url();
        return configured == null ? addresses.publicBase().toString().replaceFirst("^http", "ws") + "/sandbox/ncalayer" : configured;
    }
}

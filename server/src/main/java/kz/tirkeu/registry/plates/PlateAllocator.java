package kz.tirkeu.registry.plates;

import org.springframework.modulith.NamedInterface;

/**
 * Gives plate numbers at registration (S19, G2). Never a high-demand designation, three identical
 * letters, a banned letter combination, or a reserved or stored plate; never the same number twice in
 * a region — the database guarantees it, whatever number of servers allocate at once.
 */
@NamedInterface("plates")
public interface PlateAllocator {

    /**
     * The plate for this application, allocated on the first call; later calls for the same
     * application return the same plate (a retried decision never takes a second number).
     */
    Plate allocate(String regionCode, String applicationNumber);
}

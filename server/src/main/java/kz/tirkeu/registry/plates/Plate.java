package kz.tirkeu.registry.plates;

import org.springframework.modulith.NamedInterface;

/**
 * A state registration plate number (ГРНЗ, мемлекеттік тіркеу нөмірлік белгісі) as given to one
 * vehicle: for individuals {@code 123 ABC 02} — three digits, three Latin letters, the region code.
 *
 * @param number     the designation exactly as it is printed, with single spaces
 * @param regionCode the two-digit region code it ends with (DOMAIN.md §5.2)
 */
@NamedInterface("plates")
public record Plate(String number, String regionCode) {}

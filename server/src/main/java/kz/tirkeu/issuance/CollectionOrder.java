package kz.tirkeu.issuance;

import kz.tirkeu.pki.identity.Iin;

/**
 * What the buyer will collect at the PSC after registration (chapter 2, P7–P10): the certificate
 * printed by the print centre and the plates made for it.
 *
 * @param plateType the plate type chosen at S15 (a catalogue code, e.g. STANDARD_SINGLE_LINE)
 */
public record CollectionOrder(String applicationNumber, Iin owner, String ownerName, String vin, String pscCode, String plateNumber,
                              String plateType, String certificateNumber) {}

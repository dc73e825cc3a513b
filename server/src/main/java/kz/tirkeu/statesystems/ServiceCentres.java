package kz.tirkeu.statesystems;

import java.util.List;

/** The catalogue of public service centres (ЦОН) that issue plates (S15). */
public interface ServiceCentres {

    Answer<List<ServiceCentre>> inRegion(String regionCode);

    Answer<ServiceCentre> find(String code);

    record ServiceCentre(String code, String name, String regionCode, String address, boolean issuesPlates, String workingHours) {}
}

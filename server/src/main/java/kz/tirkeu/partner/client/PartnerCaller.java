package kz.tirkeu.partner.client;

import kz.tirkeu.pki.identity.Bin;

/** The partner system a request was authenticated as, by its access token: what serving the request needs of it. */
public record PartnerCaller(String clientId, Bin bin, String name, int requestsPerMinute) {}

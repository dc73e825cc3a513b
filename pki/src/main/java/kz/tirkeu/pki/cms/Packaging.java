package kz.tirkeu.pki.cms;

/** Whether the signed content travels inside the CMS (attached) or beside it (detached). */
public enum Packaging {
    ATTACHED,
    DETACHED
}

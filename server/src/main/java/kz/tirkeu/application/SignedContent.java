package kz.tirkeu.application;

import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;

/** Whether a CMS carries its content (attached, NCALayer's "encapsulate") or was made over content kept apart. */
final class SignedContent {

    private SignedContent() {}

    static boolean attached(byte[] cms) {
        try {
            return new CMSSignedData(cms).getSignedContent() != null;
        } catch (CMSException | RuntimeException e) {
            return false;
        }
    }
}

package kz.tirkeu.pki.validation;

import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;

/** Builds forged CMS structures for tests. */
final class CmsSurgery {
    private CmsSurgery() {}

    /** The first CMS with its signer's time-stamp replaced by the second CMS's signer's time-stamp. */
    static byte[] withTimeStampOf(byte[] target, byte[] donor) throws Exception {
        CMSSignedData targetData = new CMSSignedData(target);
        SignerInformation targetSigner = targetData.getSignerInfos().getSigners().iterator().next();
        SignerInformation donorSigner = new CMSSignedData(donor).getSignerInfos().getSigners().iterator().next();
        SignerInformation forged = SignerInformation.replaceUnsignedAttributes(targetSigner,
                donorSigner.getUnsignedAttributes());
        if (forged.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken) == null) {
            throw new AssertionError("donor has no time-stamp");
        }
        return CMSSignedData.replaceSigners(targetData, new SignerInformationStore(List.of(forged))).getEncoded("DER");
    }
}

// Signing a statement with the person's SIGN key through NCALayer (the sandbox signer in the default run),
// then posting the CMS with the page's form, as the sign-in page does with the AUTH key.
import { NCALayer } from './ncalayer.js';

const script = document.getElementById('sign-script');
const status = document.getElementById('sign-status');
const button = document.getElementById('sign-button');

button.addEventListener('click', async () => {
  button.disabled = true;
  const layer = new NCALayer(script.dataset.ncalayerUrl);
  try {
    status.textContent = script.dataset.msgConnecting;
    await layer.connect();
    status.textContent = script.dataset.msgSigning;
    const signature = await layer.signCms(script.dataset.toSign, { purpose: 'SIGN', locale: document.documentElement.lang || 'ru' });
    document.getElementById('signature').value = signature;
    document.getElementById('sign-form').submit();
  } catch (error) {
    status.textContent = script.dataset.msgFailed + ' ' + error.message;
    button.disabled = false;
  } finally {
    layer.close();
  }
});
